import os from 'node:os';
import type { BrowserContext, Page } from 'playwright-core';
import type { PrintJob } from './document.js';
import { PdfBrowserCrashedError, PdfError, PdfPoolClosedError, PdfPrintError, PdfTimeoutError } from './errors.js';
import { findChromium } from './find-chromium.js';
import { Gate } from './gate.js';
import { launchBrowser, type LaunchedBrowser } from './launch.js';
import { applyMetadata, looksLikeCompletePdf } from './metadata.js';
import { printOn, type Printed, type Slot } from './print-page.js';

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

const TIMED_OUT = Symbol('timed out');

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
  return new Pool(options, options.executablePath ?? findChromium(options.env));
}

/** The pool's state (one browser session at a time, a gate of `concurrency` slots) and its steps. */
class Pool implements PdfPool {
  readonly concurrency: number;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #counters: PdfPoolStats = { launches: 0, printed: 0, failed: 0, retried: 0, timeouts: 0, pagesOpened: 0 };
  readonly #gate: Gate;
  #closed = false;
  #current: Session | undefined;
  #starting: Promise<Session> | undefined;

  constructor(
    private readonly options: PdfPoolOptions,
    readonly executablePath: string,
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#retries = Math.max(0, options.retries ?? 1);
    this.#gate = new Gate(this.concurrency);
  }

  stats(): PdfPoolStats {
    return { ...this.#counters };
  }

  async print(job: PrintJob): Promise<Uint8Array> {
    if (this.#closed) throw new PdfPoolClosedError();
    await this.#gate.acquire();
    try {
      return await this.#run(job);
    } catch (error) {
      this.#counters.failed++;
      if (error instanceof PdfError) throw error;
      throw new PdfPrintError(job.title, error instanceof Error ? error.message : String(error), error);
    } finally {
      this.#gate.release();
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#gate.rejectWaiting(() => new PdfPoolClosedError());
    const pending = this.#starting?.catch(() => undefined);
    const session = this.#current ?? (await pending);
    this.#current = undefined;
    if (session) {
      session.alive = false;
      await session.browser.close();
    }
  }

  /** Print with retries after a crash; check and stamp the PDF. */
  async #run(job: PrintJob): Promise<Uint8Array> {
    let lastError: unknown;
    for (let n = 1; n <= this.#retries + 1; n++) {
      if (n > 1) this.#counters.retried++;
      const result = await this.#attempt(job);
      if (!('retry' in result)) {
        if (!looksLikeCompletePdf(result.pdf)) throw new PdfPrintError(job.title, 'Chromium returned an incomplete PDF');
        const out = await applyMetadata(result.pdf, { ...job, headings: result.headings }).catch((error: unknown) => {
          throw new PdfPrintError(job.title, 'the PDF Chromium returned could not be read', error);
        });
        this.#counters.printed++;
        return out;
      }
      lastError = result.retry;
      if (this.#closed) throw new PdfPoolClosedError();
    }
    throw new PdfBrowserCrashedError(job.title, this.#retries + 1, lastError);
  }

  /** One try on a page of the current browser: the PDF, a reason to retry, or a throw. */
  async #attempt(job: PrintJob): Promise<Printed | { retry: unknown }> {
    const session = await this.#session();
    let slot: Slot;
    try {
      slot = await this.#takeSlot(session);
    } catch (error) {
      if (!session.alive || this.#closed) return { retry: error };
      throw new PdfPrintError(job.title, 'could not open a page', error);
    }
    const running = printOn(slot, job);
    // A late rejection from an abandoned render must not become an unhandled rejection.
    running.catch(() => {});
    let outcome: Printed | typeof TIMED_OUT;
    try {
      outcome = await race(running, this.#timeoutMs);
    } catch (error) {
      await this.#discard(session, slot);
      if (this.#closed) throw new PdfPoolClosedError();
      if (!session.alive || slot.crashed) return { retry: error };
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error);
      throw new PdfPrintError(job.title, reason, error);
    }
    if (outcome === TIMED_OUT) {
      await this.#discard(session, slot);
      if (this.#closed) throw new PdfPoolClosedError();
      this.#counters.timeouts++;
      throw new PdfTimeoutError(this.#timeoutMs, job.title);
    }
    if (session.alive && !slot.crashed) session.idle.push(slot);
    return outcome;
  }

  /** The running browser, started (once, however many jobs ask at the same time) when there is none. */
  async #session(): Promise<Session> {
    if (this.#closed) throw new PdfPoolClosedError();
    if (this.#current?.alive) return this.#current;
    this.#starting ??= this.#startSession().then(
      (session) => {
        this.#starting = undefined;
        if (this.#closed) {
          void session.browser.close();
          throw new PdfPoolClosedError();
        }
        this.#current = session;
        return session;
      },
      (error: unknown) => {
        this.#starting = undefined;
        throw error;
      },
    );
    return this.#starting;
  }

  async #startSession(): Promise<Session> {
    const options = this.options;
    const browser = await launchBrowser({
      executablePath: this.executablePath,
      ...(options.sandbox === undefined ? {} : { sandbox: options.sandbox }),
      allowNetwork: options.allowNetwork ?? false,
      javaScript: options.javaScript ?? false,
      timeoutMs: options.launchTimeoutMs ?? 30_000,
      ...(options.extraArgs ? { extraArgs: options.extraArgs } : {}),
    });
    this.#counters.launches++;
    const session: Session = { browser, context: browser.context, idle: [], alive: true };
    // The context closes with the browser: on close(), a crash, or a kill from outside.
    browser.context.on('close', () => {
      session.alive = false;
      if (this.#current === session) this.#current = undefined;
    });
    // A persistent context starts with one blank page: the first page of the pool.
    for (const page of browser.context.pages()) session.idle.push(this.#newSlot(page));
    return session;
  }

  #newSlot(page: Page): Slot {
    this.#counters.pagesOpened++;
    const slot: Slot = { page, root: undefined, routed: false, crashed: false };
    page.on('crash', () => {
      slot.crashed = true;
    });
    return slot;
  }

  async #takeSlot(session: Session): Promise<Slot> {
    const reused = session.idle.pop();
    if (reused) return reused;
    return this.#newSlot(await session.context.newPage());
  }

  /** Close a page that must not be reused; restart the browser if even that hangs. */
  async #discard(session: Session, slot: Slot): Promise<void> {
    const closing = slot.page.close({ runBeforeUnload: false }).then(
      () => true,
      () => !session.alive,
    );
    const ok = await race(closing, CLOSE_GRACE_MS);
    if (ok !== true && session.alive) {
      session.alive = false;
      if (this.#current === session) this.#current = undefined;
      await race(session.browser.close(), CLOSE_GRACE_MS);
    }
  }
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
