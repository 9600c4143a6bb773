import type { PrintJob } from './document.js';
import { createPdfPool, type PdfPoolOptions } from './pool.js';

/** Options of {@link renderPdf}: the document's settings plus the browser's. */
export type RenderPdfOptions = Omit<PrintJob, 'html'> & Omit<PdfPoolOptions, 'concurrency'>;

/**
 * Print one HTML document to PDF with a browser started for it and closed afterwards.
 * For more than one document use {@link createPdfPool}: starting the browser costs more
 * than printing a page.
 *
 * @param html Complete HTML document.
 * @param options Title (required), metadata, paper and browser options.
 * @returns Complete PDF bytes.
 * @throws {ChromiumNotFoundError} when no Chromium is found; other failures reject with a `PdfError`.
 */
export async function renderPdf(html: string, options: RenderPdfOptions): Promise<Uint8Array> {
  const { timeoutMs, executablePath, env, javaScript, allowNetwork, sandbox, retries, launchTimeoutMs, extraArgs, ...job } = options;
  const poolOptions: PdfPoolOptions = { concurrency: 1 };
  if (timeoutMs !== undefined) poolOptions.timeoutMs = timeoutMs;
  if (executablePath !== undefined) poolOptions.executablePath = executablePath;
  if (env !== undefined) poolOptions.env = env;
  if (javaScript !== undefined) poolOptions.javaScript = javaScript;
  if (allowNetwork !== undefined) poolOptions.allowNetwork = allowNetwork;
  if (sandbox !== undefined) poolOptions.sandbox = sandbox;
  if (retries !== undefined) poolOptions.retries = retries;
  if (launchTimeoutMs !== undefined) poolOptions.launchTimeoutMs = launchTimeoutMs;
  if (extraArgs !== undefined) poolOptions.extraArgs = extraArgs;
  const pool = createPdfPool(poolOptions);
  try {
    return await pool.print({ ...job, html });
  } finally {
    await pool.close();
  }
}
