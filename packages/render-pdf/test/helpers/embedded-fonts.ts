/** Names of the fonts embedded in a PDF (`/BaseFont` of every font dictionary). */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    if (obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const base = obj.get(PDFName.of('BaseFont'));
    // Subset fonts are named `ABCDEF+DejaVuSans`; keep the family part.
    if (base instanceof PDFName) names.add(base.decodeText().replace(/^[A-Z]{6}\+/, ''));
  }
  return [...names].sort();
}

/** Width × height of every image XObject embedded in a PDF, sorted. */
export async function embeddedImages(bytes: Uint8Array): Promise<Array<[number, number]>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: Array<[number, number]> = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : 'dict' in obj && obj.dict instanceof PDFDict ? obj.dict : undefined;
    if (!dict || dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    // Soft masks (alpha channels) are images too, but not ones the page shows.
    if (dict.get(PDFName.of('SMask')) === undefined && isSoftMask(doc, obj)) continue;
    found.push([Number(dict.get(PDFName.of('Width'))?.toString()), Number(dict.get(PDFName.of('Height'))?.toString())]);
  }
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function isSoftMask(doc: PDFDocument, target: unknown): boolean {
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : 'dict' in obj && obj.dict instanceof PDFDict ? obj.dict : undefined;
    const mask = dict?.get(PDFName.of('SMask'));
    if (mask && doc.context.lookup(mask) === target) return true;
  }
  return false;
}
