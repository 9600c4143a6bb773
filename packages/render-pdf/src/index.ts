export {
  ChromiumNotFoundError,
  PdfBrowserCrashedError,
  PdfError,
  PdfLaunchError,
  PdfPoolClosedError,
  PdfPrintError,
  PdfTimeoutError,
} from './lib/errors.js';
export { CHROMIUM_CANDIDATES, findChromium } from './lib/find-chromium.js';
export type { IsExecutable } from './lib/find-chromium.js';
export {
  BASE_PRINT_CSS,
  DEFAULT_MARGIN,
  FONT_STACK,
  MONO_FONT_STACK,
  escapeHtml,
  footerTemplate,
  prepareHtml,
} from './lib/document.js';
export type { PaperFormat, PdfMargin, PrintJob } from './lib/document.js';
export { launchArgs } from './lib/launch.js';
export { applyMetadata, looksLikeCompletePdf } from './lib/metadata.js';
export type { PdfMetadata } from './lib/metadata.js';
export { createPdfPool } from './lib/pool.js';
export type { PdfPool, PdfPoolOptions, PdfPoolStats } from './lib/pool.js';
export { renderPdf } from './lib/render-pdf.js';
export type { RenderPdfOptions } from './lib/render-pdf.js';
export { writeFileAtomic } from './lib/write.js';
