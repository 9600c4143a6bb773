import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { toDate, type PrintJob } from './document.js';

/** Metadata written into the PDF's document information dictionary and catalog. */
export type PdfMetadata = Pick<PrintJob, 'title' | 'author' | 'subject' | 'keywords' | 'lang' | 'date'> & {
  /**
   * Text of the document's headings in order, whitespace collapsed. Used to repair
   * bookmark titles: Chromium builds them from laid-out lines and drops the space where a
   * long heading wraps (`pas à` / `pas` becomes `pas àpas`).
   */
  headings?: readonly string[];
};

/** Name written as `/Creator` (Chromium puts its user agent there). */
export const CREATOR = 'guidekit';

/**
 * Write title, author, subject, keywords, language and dates into a PDF.
 *
 * Chromium sets `/Title` (from `<title>`) and `/Lang` (from `<html lang>`) but has no way to
 * set the author or a chosen creation date, so the PDF is rewritten with pdf-lib. pdf-lib
 * keeps every object reachable from the catalog, so the outline and the structure tree
 * (tagged PDF) survive; a test checks both.
 *
 * @param pdf PDF bytes as Chromium produced them.
 * @param meta Values to set; missing ones are left as Chromium wrote them.
 * @returns New PDF bytes.
 */
export async function applyMetadata(pdf: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  // No yielding every N objects (pdf-lib's default): on a busy machine each yield waits for
  // the event loop and costs more than the parsing itself.
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Number.POSITIVE_INFINITY });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  if (meta.subject) doc.setSubject(meta.subject);
  if (meta.keywords && meta.keywords.length > 0) doc.setKeywords([...meta.keywords]);
  if (meta.lang) doc.setLanguage(meta.lang);
  doc.setCreator(CREATOR);
  if (meta.headings && meta.headings.length > 0) repairOutline(doc, meta.headings);
  const date = toDate(meta.date);
  if (date) {
    doc.setCreationDate(date);
    // Same date for both, so printing an unchanged guide twice gives the same bytes.
    doc.setModificationDate(date);
  }
  // Object streams make the file smaller and every reader since PDF 1.5 reads them.
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Number.POSITIVE_INFINITY });
}

/**
 * Cheap completeness check of PDF bytes: header at the start, `%%EOF` near the end. A
 * truncated buffer (crashed browser mid-stream) fails it.
 *
 * @param pdf Bytes to check.
 * @returns Whether the bytes look like one whole PDF file.
 */
export function looksLikeCompletePdf(pdf: Uint8Array): boolean {
  if (pdf.length < 64) return false;
  const head = Buffer.from(pdf.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 32))).toString('latin1');
  return head === '%PDF-' && tail.includes('%%EOF');
}

const squash = (text: string): string => text.replace(/\s+/g, '');

/**
 * Give each bookmark the text of its heading. Bookmarks and headings are both in document
 * order; a bookmark takes the next heading whose text, without whitespace, is the same, so
 * a bookmark that matches nothing (or a heading without a bookmark) is left alone.
 */
function repairOutline(doc: PDFDocument, headings: readonly string[]): void {
  const lookup = (obj: PDFObject | undefined): PDFDict | undefined => {
    const resolved = obj === undefined ? undefined : doc.context.lookup(obj);
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined, depth: number): void => {
    // Bounded walks: a malformed outline must not loop forever.
    for (let item = first, n = 0; item && n < 10_000 && depth < 64; item = lookup(item.get(PDFName.of('Next'))), n++) {
      items.push(item);
      walk(lookup(item.get(PDFName.of('First'))), depth + 1);
    }
  };
  walk(lookup(lookup(doc.catalog.get(PDFName.of('Outlines')))?.get(PDFName.of('First'))), 0);
  let next = 0;
  for (const item of items) {
    const title = item.get(PDFName.of('Title'));
    if (!(title instanceof PDFString || title instanceof PDFHexString)) continue;
    const text = title.decodeText();
    const key = squash(text);
    for (let i = next; i < headings.length; i++) {
      const heading = headings[i] ?? '';
      if (squash(heading) !== key) continue;
      if (heading !== text) item.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      next = i + 1;
      break;
    }
  }
}
