import os from 'node:os';

import type { PaperFormat, PdfPool } from '@guidekit/render-pdf';
import { FormatUnavailableError, defineFormat } from '../format.js';
import type { FormatContext, GuideInput } from '../format.js';
import { assetRoots, imageInputs, loadRender, siteInfo } from './shared.js';

/** `build({ formatOptions: { pdf } })`: part of every PDF's key, so changing one prints again. */
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
    concurrency: typeof concurrency === 'number' && concurrency >= 1 ? Math.floor(concurrency) : undefined,
  };
}

/**
 * One pool per build even when several units call `open` at once (the build may ask again
 * before the first call settled): the pool is remembered per build context.
 */
const pools = new WeakMap<FormatContext, PdfPool>();

/**
 * `@guidekit/render-pdf` (and playwright-core behind it), loaded the first time a PDF is printed:
 * a build or a `check` without PDFs never pays for loading the browser driver.
 */
let renderPdf: Promise<typeof import('@guidekit/render-pdf')> | undefined;
const loadRenderPdf = (): Promise<typeof import('@guidekit/render-pdf')> => (renderPdf ??= import('@guidekit/render-pdf'));

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

/**
 * One PDF per guide (`pdf/<locale>/<slug>.pdf`) from render's print HTML (images inlined,
 * `@page` rules), printed by ONE headless Chromium per build through a page pool: bookmarks
 * per step, page numbers and the title in the footer, metadata from the front matter.
 *
 * The browser starts only when a PDF must be printed (an unchanged guide is not printed
 * again). No Chromium, or one that will not start: the format is unavailable with the
 * how-to message (the CLI exits 2) while the other formats build. A guide that times out or
 * whose browser crashed twice throws: the build reports it and keeps its previous PDF,
 * which the next build prints again.
 */
export const pdf = defineFormat<PdfPool>({
  name: 'pdf',
  description: 'PDF per guide through headless Chromium: bookmarks per step, page numbers',
  version: '1',
  dependsOn: 'guide',
  // One more unit than pages, so the next guide's HTML renders while the browser prints.
  concurrency: cores + 1,
  inputs: (input, ctx) => (input.kind === 'guide' ? imageInputs(input.guide, ctx) : null),
  async open(ctx) {
    const { ChromiumNotFoundError, createPdfPool } = await loadRenderPdf();
    // Checked after the import: two units may have asked at once.
    const existing = pools.get(ctx);
    if (existing) return existing;
    const { timeoutMs, concurrency } = pdfOptions(ctx);
    try {
      const pool = createPdfPool({
        concurrency: concurrency ?? cores,
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      pools.set(ctx, pool);
      return pool;
    } catch (error) {
      if (error instanceof ChromiumNotFoundError) throw new FormatUnavailableError(error.message);
      throw error;
    }
  },
  close: (pool) => pool.close(),
  async render(input, ctx, pool) {
    const { guide } = input as GuideInput;
    const { paper } = pdfOptions(ctx);
    const { renderPrintHtml } = await loadRender();
    const { html, diagnostics } = await renderPrintHtml(guide, { site: siteInfo(ctx), assets: assetRoots(ctx), paper });
    const fm = guide.frontmatter;
    const keywords = [...(fm.categories ?? []), ...(fm.tags ?? [])];
    let bytes: Uint8Array;
    try {
      bytes = await pool.print({
        html,
        title: guide.title,
        lang: guide.locale,
        format: paper,
        ...(fm.author ? { author: fm.author } : {}),
        ...(guide.description ? { subject: guide.description } : {}),
        ...(keywords.length > 0 ? { keywords } : {}),
        ...(fm.date ? { date: fm.date } : {}),
      });
    } catch (error) {
      // A browser that cannot start fails every guide alike: report it once, like a missing one.
      if (error instanceof (await loadRenderPdf()).PdfLaunchError) throw new FormatUnavailableError(error.message);
      throw error;
    }
    return { files: [{ path: `pdf/${guide.locale}/${guide.slug}.pdf`, data: bytes }], diagnostics };
  },
});
