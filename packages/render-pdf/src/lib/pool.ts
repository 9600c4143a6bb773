import { realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { DEFAULT_MARGIN, VIRTUAL_ORIGIN, footerTemplate, prepareHtml, type PrintJob } from './document.js';
import {
  PdfBrowserCrashedError,
  PdfError,
  PdfPoolClosedError,
  PdfPrintError,
  PdfTimeoutError,
} from './errors.js';
import { findChromium } from './find-chromium.js';
import { launchBrowser, type LaunchedBrowser } from './launch.js';
import { applyMetadata, looksLikeCompletePdf } from './metadata.js';

/** Options of {@link createPdfPool}. */
export interface PdfPoolOptions {
  /** Pages printing at the same time. Default: the number of cores. */
  concurrency?: number;
  /** Budget for one document (load + print), in ms. Default 30 000. */
  timeoutMs?: number;
  /** Chromium executable. Default: {@link findChromium} with `env`. */
  executablePath?: string;
  /** Environment for {@link findChromium}. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Run scripts found in the HTML. Default `false`: print HTML needs none, and content must not run code. */
  javaScript?: boolean;
  /** Let pages reach the network. Default `false`. */
  allowNetwork?: boolean;
  /** Chromium sandbox. Default: on unless running as root. */
  sandbox?: boolean;
  /** Times a job is tried again after the browser crashed under it. Default 1. */
  retries?: number;
  /** Budget for starting the browser, in ms. Default 30 000. */
  launchTimeoutMs?: number;
  /** More Chromium switches. */
  extraArgs?: readonly string[];
}

/** Counters, for progress output, benchmarks and tests. */
export interface PdfPoolStats {
  /** Browsers started (more than 1 means relaunches after a crash or a stuck page). */
  launches: number;
  /** Documents printed. */
  printed: number;
  /** Jobs that rejected. */
  failed: number;
  /** Attempts repeated after a crash. */
  retried: number;
  /** Jobs that ran out of time. */
  timeouts: number;
  /** Pages opened (pages are reused, so this stays near `concurrency`). */
  pagesOpened: number;
}

/** Prints many documents through one browser. */
export interface PdfPool {
  /**
   * Print one document. Resolves with complete PDF bytes only; rejects with a
   * {@link PdfError} (`ruleId` tells which) when the document cannot be printed. Other
   * jobs are not affected by one job's failure.
   */
  print(job: PrintJob): Promise<Uint8Array>;
  /** Close the browser. Queued jobs reject with `PdfPoolClosedError`. Safe to call twice. */
  close(): Promise<void>;
  /** Current counters. */
  stats(): PdfPoolStats;
  /** Pages printing at the same time. */
  readonly concurrency: number;
  /** The Chromium in use. */
  readonly executablePath: string;
}

interface Session {
  browser: LaunchedBrowser;
  context: BrowserContext;
  idle: Slot[];
  alive: boolean;
}

interface Rendered {
  pdf: Uint8Array;
  headings: string[];
}

interface Slot {
  page: Page;
  /** Folder served at {@link VIRTUAL_ORIGIN} for the current job. */
  root: string | undefined;
  routed: boolean;
  crashed: boolean;
}

const TIMED_OUT = Symbol('timed out');

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

/** Time allowed to close a page that timed out before the whole browser is restarted. */
const CLOSE_GRACE_MS = 5_000;

/**
 * Create a pool that prints with ONE browser, one shared context and at most
 * `concurrency` reused pages. A reused page costs about a quarter of a fresh context.
 * The browser starts on the first `print()`.
 *
 * Failures stay per job: a page that runs out of time is closed (the browser is
 * restarted if it will not close) and its job rejects with `PdfTimeoutError`; when the
 * browser crashes or is killed, a new one is started and the jobs that were running on
 * it are tried again (`retries`), so the other documents still print.
 *
 * @param options See {@link PdfPoolOptions}.
 * @returns The pool; call `close()` when done.
 * @throws {ChromiumNotFoundError} at once when no Chromium can be found, so a CLI can
 *   report it before doing any work.
 */
export function createPdfPool(options: PdfPoolOptions = {}): PdfPool {
  const executablePath = options.executablePath ?? findChromium(options.env);
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = Math.max(0, options.retries ?? 1);
  const stats: PdfPoolStats = { launches: 0, printed: 0, failed: 0, retried: 0, timeouts: 0, pagesOpened: 0 };

  let closed = false;
  let current: Session | undefined;
  let starting: Promise<Session> | undefined;
  let active = 0;
  const waiting: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

  async function acquire(): Promise<void> {
    if (active < concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve, reject) => waiting.push({ resolve, reject }));
  }

  function release(): void {
    const next = waiting.shift();
    // The slot passes straight to the next job, so `active` stays the same.
    if (next) next.resolve();
    else active--;
  }

  function newSlot(page: Page): Slot {
    stats.pagesOpened++;
    const slot: Slot = { page, root: undefined, routed: false, crashed: false };
    page.on('crash', () => {
      slot.crashed = true;
    });
    return slot;
  }

  async function startSession(): Promise<Session> {
    const browser = await launchBrowser({
      executablePath,
      ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
      allowNetwork: options.allowNetwork ?? false,
      javaScript: options.javaScript ?? false,
      timeoutMs: options.launchTimeoutMs ?? 30_000,
      ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}),
    });
    stats.launches++;
    const session: Session = { browser, context: browser.context, idle: [], alive: true };
    // The context closes with the browser: on close(), a crash, or a kill from outside.
    browser.context.on('close', () => {
      session.alive = false;
      if (current === session) current = undefined;
    });
    // A persistent context starts with one blank page: the first page of the pool.
    for (const page of browser.context.pages()) session.idle.push(newSlot(page));
    return session;
  }

  async function getSession(): Promise<Session> {
    if (closed) throw new PdfPoolClosedError();
    if (current?.alive) return current;
    if (!starting) {
      starting = startSession().then(
        (session) => {
          starting = undefined;
          if (closed) {
            void session.browser.close();
            throw new PdfPoolClosedError();
          }
          current = session;
          return session;
        },
        (error: unknown) => {
          starting = undefined;
          throw error;
        },
      );
    }
    return starting;
  }

  async function takeSlot(session: Session): Promise<Slot> {
    const reused = session.idle.pop();
    if (reused) return reused;
    return newSlot(await session.context.newPage());
  }

  /** Close a page that must not be reused; restart the browser if even that hangs. */
  async function discard(session: Session, slot: Slot): Promise<void> {
    const closing = slot.page.close({ runBeforeUnload: false }).then(
      () => true,
      () => !session.alive,
    );
    const ok = await race(closing, CLOSE_GRACE_MS);
    if (ok !== true && session.alive) {
      session.alive = false;
      if (current === session) current = undefined;
      await race(session.browser.close(), CLOSE_GRACE_MS);
    }
  }

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

  async function render(slot: Slot, job: PrintJob): Promise<Rendered> {
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
    // No timeout of playwright's own: the job's budget (the race in `attempt`) decides, so a
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

  async function attempt(job: PrintJob): Promise<Rendered | { retry: unknown }> {
    const session = await getSession();
    let slot: Slot;
    try {
      slot = await takeSlot(session);
    } catch (error) {
      if (!session.alive || closed) return { retry: error };
      throw new PdfPrintError(job.title, 'could not open a page', error);
    }
    const running = render(slot, job);
    // A late rejection from an abandoned render must not become an unhandled rejection.
    running.catch(() => {});
    let outcome: Rendered | typeof TIMED_OUT;
    try {
      outcome = await race(running, timeoutMs);
    } catch (error) {
      await discard(session, slot);
      if (closed) throw new PdfPoolClosedError();
      if (!session.alive || slot.crashed) return { retry: error };
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error);
      throw new PdfPrintError(job.title, reason, error);
    }
    if (outcome === TIMED_OUT) {
      await discard(session, slot);
      if (closed) throw new PdfPoolClosedError();
      stats.timeouts++;
      throw new PdfTimeoutError(timeoutMs, job.title);
    }
    if (session.alive && !slot.crashed) session.idle.push(slot);
    return outcome;
  }

  async function run(job: PrintJob): Promise<Uint8Array> {
    let lastError: unknown;
    for (let n = 1; n <= retries + 1; n++) {
      if (n > 1) stats.retried++;
      const result = await attempt(job);
      if (!('retry' in result)) {
        if (!looksLikeCompletePdf(result.pdf)) throw new PdfPrintError(job.title, 'Chromium returned an incomplete PDF');
        const out = await applyMetadata(result.pdf, { ...job, headings: result.headings }).catch((error: unknown) => {
          throw new PdfPrintError(job.title, 'the PDF Chromium returned could not be read', error);
        });
        stats.printed++;
        return out;
      }
      lastError = result.retry;
      if (closed) throw new PdfPoolClosedError();
    }
    throw new PdfBrowserCrashedError(job.title, retries + 1, lastError);
  }

  return {
    concurrency,
    executablePath,
    stats: () => ({ ...stats }),
    async print(job) {
      if (closed) throw new PdfPoolClosedError();
      await acquire();
      try {
        return await run(job);
      } catch (error) {
        stats.failed++;
        if (error instanceof PdfError) throw error;
        throw new PdfPrintError(job.title, error instanceof Error ? error.message : String(error), error);
      } finally {
        release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const w of waiting.splice(0)) w.reject(new PdfPoolClosedError());
      const pending = starting?.catch(() => undefined);
      const session = current ?? (await pending);
      current = undefined;
      if (session) {
        session.alive = false;
        await session.browser.close();
      }
    },
  };
}

/** Cores available to this process (cgroup-aware on recent Node). */
function defaultConcurrency(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Settle with the promise, or with {@link TIMED_OUT} after `ms`. */
async function race<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
