import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Route } from 'playwright-core';
import { DEFAULT_MARGIN, VIRTUAL_ORIGIN, footerTemplate, prepareHtml, type PrintJob } from './document.js';

/** A page of the pool, reused from job to job. */
export interface Slot {
  page: Page;
  /** Folder served at {@link VIRTUAL_ORIGIN} for the current job. */
  root: string | undefined;
  routed: boolean;
  crashed: boolean;
}

/** A printed document and its headings (for the PDF outline and metadata). */
export interface Printed {
  pdf: Uint8Array;
  headings: string[];
}

/**
 * Runs in the page: make lazy images eager, wait for every image to load or fail, then
 * for fonts. A string, because this package compiles without DOM types.
 */
const WAIT_FOR_ASSETS = `(async () => {
  const images = Array.from(document.images);
  for (const img of images) if (img.loading === 'lazy') img.loading = 'eager';
  await Promise.all(images.map((img) => img.complete ? undefined : new Promise((done) => {
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
  })));
  await document.fonts.ready;
  return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'), (h) => (h.textContent || '').replace(/\\s+/g, ' ').trim());
})()`;

/**
 * Print one job on a page: serve its `file:` base folder at {@link VIRTUAL_ORIGIN} (no file
 * outside it), load the HTML, wait for images and fonts, print.
 *
 * @param slot The page and what it serves.
 * @param job The document.
 * @returns The PDF bytes and the headings the page shows.
 */
export async function printOn(slot: Slot, job: PrintJob): Promise<Printed> {
  const page = slot.page;
  let base: string | undefined;
  if (job.baseUrl?.startsWith('file:')) {
    slot.root = path.resolve(fileURLToPath(job.baseUrl));
    base = `${VIRTUAL_ORIGIN}/`;
    if (!slot.routed) {
      await page.route(`${VIRTUAL_ORIGIN}/**`, (route) => serve(slot, route));
      slot.routed = true;
    }
  } else {
    slot.root = undefined;
    base = job.baseUrl;
  }
  // No timeout of playwright's own: the job's budget (the pool's race) decides, so a
  // slow document always ends as a `PdfTimeoutError`, never as a print error.
  await page.setContent(prepareHtml(job.html, base), { waitUntil: 'load', timeout: 0 });
  // `load` does not cover lazy images nor web fonts still decoding. Runs through the
  // DevTools protocol, so it works with the page's JavaScript turned off.
  const headings = (await page.evaluate(WAIT_FOR_ASSETS)) as string[];
  const footer = job.footer ?? true;
  const pdf = await page.pdf({
    format: job.format ?? 'A4',
    margin: { ...DEFAULT_MARGIN, ...job.margin },
    printBackground: true,
    displayHeaderFooter: footer,
    ...(footer ? { headerTemplate: '<span></span>', footerTemplate: footerTemplate(job.title) } : {}),
    outline: job.outline ?? true,
    tagged: true,
    preferCSSPageSize: true,
  });
  return { pdf, headings };
}

/** Answer a request of the page from the job's folder, never from outside it. */
async function serve(slot: Slot, route: Route): Promise<void> {
  const root = slot.root;
  if (!root) return route.fulfill({ status: 404 });
  let file: string;
  try {
    file = path.resolve(root, `.${decodeURIComponent(new URL(route.request().url()).pathname)}`);
    // Real paths on both sides: a symbolic link inside the folder must not lead out of it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    if (realFile !== realRoot && !realFile.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep)) {
      return await route.fulfill({ status: 403 });
    }
    file = realFile;
  } catch {
    // Bad escape, missing file, or the page went away.
    return route.fulfill({ status: 404 }).catch(() => {});
  }
  await route.fulfill({ path: file }).catch(() => route.fulfill({ status: 404 }).catch(() => {}));
}
