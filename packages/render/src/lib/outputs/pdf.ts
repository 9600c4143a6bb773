import os from 'node:os';
import type { Guide } from '@guidekit/model';
import type { PaperFormat, PdfPool, PrintJob } from '@guidekit/render-pdf';
import { FormatUnavailableError, defineFormat } from '../format.js';
import type { FormatContext } from '../format.js';
import { assetRoots, guidePath, imageInputs, siteInfo } from './shared.js';

/** `publish({ formatOptions: { pdf } })`: part of every PDF's key, so changing one prints again. */
interface PdfFormatOptions {
  paper: PaperFormat;
  timeoutMs: number | undefined;
  concurrency: number | undefined;
}

function pdfOptions(ctx: FormatContext): PdfFormatOptions {
  const { paper, timeoutMs, concurrency } = ctx.options;
  return {
    paper: paper === 'Letter' ? 'Letter' : 'A4',
    timeoutMs: typeof timeoutMs === 'number' && timeoutMs > 0 ? timeoutMs : undefined,
    concurrency:
      typeof concurrency === 'number' && concurrency >= 1 ? Math.floor(concurrency) : undefined,
  };
}

/**
 * `@guidekit/render-pdf` (and playwright-core behind it), loaded the first time a PDF is printed:
 * a build without PDFs never pays for loading the browser driver.
 */
let renderPdf: Promise<typeof import('@guidekit/render-pdf')> | undefined;
const loadRenderPdf = (): Promise<typeof import('@guidekit/render-pdf')> =>
  (renderPdf ??= import('@guidekit/render-pdf'));

const cores =
  typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const path = guidePath('pdf', '.pdf');

/** The PDF's metadata, from the front matter. */
function metadata(guide: Guide): Omit<PrintJob, 'html'> {
  const fm = guide.frontmatter;
  const keywords = [...(fm.categories ?? []), ...(fm.tags ?? [])];
  return {
    title: guide.title,
    lang: guide.locale,
    ...(fm.author ? { author: fm.author } : {}),
    ...(guide.description ? { subject: guide.description } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(fm.date ? { date: fm.date } : {}),
  };
}

/**
 * One PDF per guide (`pdf/<locale>/<slug>.pdf`) from render's print HTML (images inlined,
 * `@page` rules), printed by ONE headless Chromium per build through a page pool: bookmarks per
 * step, page numbers and the title in the footer, metadata from the front matter.
 *
 * The browser starts only when a PDF must be printed. No Chromium, or one that will not start:
 * the format is unavailable with the how-to message (the CLI exits 2) while the other formats
 * build. A guide that times out or whose browser crashed twice throws: the publisher reports it
 * and keeps its previous PDF, which the next build prints again.
 */
export const pdf = defineFormat<PdfPool>({
  id: 'pdf',
  description: 'PDF per guide through headless Chromium: bookmarks per step, page numbers',
  version: '1',
  byDefault: false,
  dependsOn: [],
  // One more unit than pages, so the next guide's HTML renders while the browser prints.
  concurrency: cores + 1,
  path,
  inputs: (input, ctx) => (input.kind === 'guide' ? imageInputs(input.guide, ctx) : null),
  async open(ctx) {
    const { ChromiumNotFoundError, createPdfPool } = await loadRenderPdf();
    const { timeoutMs, concurrency } = pdfOptions(ctx);
    try {
      return createPdfPool({
        concurrency: concurrency ?? cores,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
    } catch (error) {
      if (error instanceof ChromiumNotFoundError) throw new FormatUnavailableError(error.message);
      throw error;
    }
  },
  close: (pool) => pool.close(),
  async render({ guide }, ctx, pool) {
    const { paper } = pdfOptions(ctx);
    const { renderPrintHtml } = await import('../formats/print.js');
    const { html, diagnostics } = await renderPrintHtml(guide, {
      site: siteInfo(ctx),
      assets: assetRoots(ctx),
      paper,
    });
    try {
      const bytes = await pool.print({ ...metadata(guide), html, format: paper });
      return { files: [{ path: path(guide), data: bytes }], diagnostics };
    } catch (error) {
      // A browser that cannot start fails every guide alike: report it once, like a missing one.
      if (error instanceof (await loadRenderPdf()).PdfLaunchError)
        throw new FormatUnavailableError(error.message);
      throw error;
    }
  },
});
