/**
 * What goes into one PDF besides the HTML: page setup, footer, metadata. Pure functions,
 * tested without a browser.
 */

/** Paper sizes the print layout supports. */
export type PaperFormat = 'A4' | 'Letter';

/** Page margins as CSS lengths (`'15mm'`, `'0.5in'`). */
export interface PdfMargin {
  top: string;
  right: string;
  bottom: string;
  left: string;
}

/** One document to print. */
export interface PrintJob {
  /** Complete HTML document (the guide's print layout). */
  html: string;
  /**
   * Where relative URLs (images) resolve. A `file:` URL of a folder serves that folder
   * as the web root (`/images/a.png` → `<folder>/images/a.png`), through a request
   * handler since Chromium refuses `file:` loads from a page set with `setContent`.
   * An `http(s):` URL is used as is (it needs `allowNetwork`). Data URIs need nothing.
   */
  baseUrl?: string;
  /** Document title: footer text and PDF `/Title`. */
  title: string;
  /** PDF `/Author`. */
  author?: string;
  /** PDF `/Subject` (the guide description). */
  subject?: string;
  /** PDF `/Keywords`. */
  keywords?: readonly string[];
  /** BCP 47 language: PDF `/Lang` (screen readers, hyphenation). */
  lang?: string;
  /** Creation date (the guide's date): PDF `/CreationDate` and `/ModDate`, so the output is reproducible. */
  date?: Date | string;
  /** Paper size when the HTML's `@page` sets none. Default `A4`. */
  format?: PaperFormat;
  /** Margins when the HTML's `@page` sets none. Default {@link DEFAULT_MARGIN}. */
  margin?: Partial<PdfMargin>;
  /** Bookmarks from headings (h1 title > h2 steps). Default `true`. */
  outline?: boolean;
  /** Footer with the title and `page / total`. Default `true`. */
  footer?: boolean;
}

/** Margins leave room under the text for the footer. */
export const DEFAULT_MARGIN: Readonly<PdfMargin> = { top: '16mm', right: '15mm', bottom: '20mm', left: '15mm' };

/**
 * Font chain that covers French and other Latin accents with the fonts Debian's `chromium`
 * package pulls in (DejaVu, Liberation), then generic families.
 */
export const FONT_STACK = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

/** Monospace counterpart of {@link FONT_STACK}. */
export const MONO_FONT_STACK = "'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace";

/**
 * Baseline print rules inserted FIRST in `<head>`, so the document's own CSS wins: fonts
 * that have accents, no break inside code blocks or figures, no break right after a heading.
 */
export const BASE_PRINT_CSS = [
  `html{font-family:${FONT_STACK};-webkit-print-color-adjust:exact;print-color-adjust:exact}`,
  `pre,code,kbd,samp{font-family:${MONO_FONT_STACK}}`,
  'pre,figure,img,table,blockquote{break-inside:avoid}',
  'h1,h2,h3,h4,h5,h6{break-after:avoid;break-inside:avoid}',
  'img{max-width:100%}',
].join('');

/** Host that stands for a `file:` base folder; `.invalid` can never resolve (RFC 2606). */
export const VIRTUAL_ORIGIN = 'http://guidekit-assets.invalid';

/**
 * Escape text for HTML content and attribute values.
 *
 * @param text Any text.
 * @returns Text safe inside elements and double-quoted attributes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Chromium footer template: the title on the left, `page / total` on the right. Header
 * and footer templates get no page CSS, so fonts and size are set inline (the default
 * font size there is tiny).
 *
 * @param title Document title (escaped here).
 * @returns HTML for `page.pdf({ footerTemplate })`.
 */
export function footerTemplate(title: string): string {
  return (
    `<div style="font-family:${FONT_STACK.replace(/'/g, '&#39;')};font-size:8pt;color:#555;width:100%;` +
    'margin:0 15mm;display:flex;justify-content:space-between;gap:8mm">' +
    `<span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${escapeHtml(title)}</span>` +
    '<span style="white-space:nowrap"><span class="pageNumber"></span> / <span class="totalPages"></span></span>' +
    '</div>'
  );
}

/**
 * Add the baseline CSS and, when needed, a `<base>` to the HTML, without parsing it: the
 * tags go right after `<head>` (or are prefixed to the document when it has none; the HTML
 * parser moves them into the implied head).
 *
 * @param html The document.
 * @param base Value for `<base href>`, or `undefined` for none.
 * @returns The document to load.
 */
export function prepareHtml(html: string, base: string | undefined): string {
  const inject = `${base === undefined ? '' : `<base href="${escapeHtml(base)}">`}<style>${BASE_PRINT_CSS}</style>`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + inject + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return doctype[0] + inject + html.slice(doctype[0].length);
  return inject + html;
}

/**
 * Parse a `date` option into a valid `Date`, or `undefined` when missing or unparsable
 * (a bad date in front matter must not fail a PDF; the parser reports it elsewhere).
 *
 * @param date A `Date`, an ISO string, or nothing.
 * @returns A valid date or `undefined`.
 */
export function toDate(date: Date | string | undefined): Date | undefined {
  if (date === undefined) return undefined;
  const d = date instanceof Date ? date : new Date(date);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
