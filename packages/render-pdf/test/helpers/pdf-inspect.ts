/**
 * Read a PDF back with pdf.js (an independent implementation, not the code under test):
 * pages, outline, metadata and text per page.
 */
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

export interface PdfFacts {
  pages: number;
  outline: OutlineNode[];
  info: Record<string, unknown>;
  /** Text of each page, whitespace collapsed. */
  text: string[];
  /** Fonts used by the text, by page (font names as pdf.js reports them). */
  fontNames: string[];
  /** Number of images painted, by page. */
  images: number[];
  /** Page size in points, by page. */
  sizes: Array<[number, number]>;
  /** Tagged PDF (`/MarkInfo /Marked true`). */
  marked: boolean;
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfFacts> {
  // pdf.js detaches the buffer it is given; hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  try {
    const raw = (await doc.getOutline()) ?? [];
    const map = (nodes: typeof raw): OutlineNode[] => nodes.map((n) => ({ title: n.title, items: map(n.items) }));
    const meta = await doc.getMetadata();
    const text: string[] = [];
    const images: number[] = [];
    const sizes: Array<[number, number]> = [];
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const fonts = new Set<string>();
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      const parts: string[] = [];
      for (const item of content.items) {
        if ('str' in item) {
          // pdf.js splits runs at ligatures ("fi"), so items join without a space; line ends
          // become one.
          parts.push(item.str, item.hasEOL ? ' ' : '');
          const style = content.styles[item.fontName];
          if (style?.fontFamily) fonts.add(style.fontFamily);
        }
      }
      const ops = await page.getOperatorList();
      images.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
      text.push(parts.join('').replace(/\s+/g, ' '));
    }
    return { pages: doc.numPages, outline: map(raw), info: meta.info as Record<string, unknown>, text, fontNames: [...fonts], images, sizes, marked: markInfo?.Marked === true };
  } finally {
    await task.destroy();
  }
}
