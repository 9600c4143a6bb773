import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic, Guide } from '@guidekit/model';
import type { FormatContext, OutputFile } from './format.js';

/**
 * Formats whose per-guide render runs on the render threads: every pure built-in one. A guide
 * goes to a thread once, as JSON text (copying a string costs far less than cloning a tree),
 * and the thread renders all its dirty formats from one decoded guide, so the main thread only
 * hashes and writes. PDF has its own browser pool, and formats from outside the registry cannot
 * be loaded in a thread: those run on the main thread.
 */
export const PARALLEL_FORMATS: readonly string[] = ['html', 'single', 'md', 'json', 'jsonld', 'data'];

/** What a worker needs to rebuild a format context (everything but the guides). */
export interface WorkerInit {
  root: string;
  out: string;
  config: FormatContext['config'];
  staticDir: string | null;
  locales: string[];
  formats: string[];
  options: Record<string, Record<string, unknown>>;
  /**
   * Absolute staging folder (`out/.guidekit/tmp`, made by the main thread): a thread writes each
   * output there under a unique name and hashes it; the main thread renames it into place.
   */
  staging: string;
}

/**
 * A file a thread rendered and already wrote to the staging folder: the main thread only decides
 * (by `sha`) whether to rename it into place or drop it. Never seen by formats.
 */
export interface StagedFile {
  path: string;
  /** Absolute path of the staged bytes. */
  staged: string;
  /** Content hash, as `hashContent` computes it. */
  sha: string;
}

/** The units of one guide to render on a worker: its formats, the guide as JSON text, its translations' stubs. */
export interface WorkerTask {
  id: number;
  formats: string[];
  /** The guide's JSON as UTF-8 bytes (moved to the thread, not copied). */
  guide: Uint8Array;
  translations: Guide[];
}

/** What one format of a task gave. */
export type FormatResult =
  | { ok: true; files: (OutputFile | StagedFile)[]; diagnostics: Diagnostic[] }
  | { ok: false; message: string; unavailable: boolean; crashed?: true };

/** A worker's answer: one result per format of the task, in order. */
export interface WorkerReply {
  id: number;
  results: FormatResult[];
}

/** The worker script next to this module once built (`dist/render-worker.js`); absent when running from `src`. */
export function workerScript(): string | undefined {
  const file = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/**
 * Old-generation heap limit of a render thread, in MB (render and shiki need about 40; a guide
 * at the parser's default size guard, 250 KB of Markdown, peaks under 96). A bounded heap makes
 * V8 collect sooner instead of growing each thread towards its default. Guides whose JSON is
 * over {@link THREAD_MAX_GUIDE_BYTES} are rendered on the main thread instead, and a thread that
 * dies anyway has its guide rendered again on the main thread.
 */
export const WORKER_HEAP_MB = 128;

/** Guides whose JSON (UTF-8 bytes) is longer than this are rendered on the main thread (see {@link WORKER_HEAP_MB}). */
export const THREAD_MAX_GUIDE_BYTES = 4_000_000;

/**
 * The parent's Node flags minus `--conditions`: the thread runs built code, and a `source`
 * condition inherited from a test runner would point it at TypeScript sources it cannot load.
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--conditions' || arg === '-C') {
      i++;
      continue;
    }
    if (arg.startsWith('--conditions=') || arg.startsWith('-C=')) continue;
    out.push(arg);
  }
  return out;
}

interface Slot {
  worker: Worker;
  busy: number;
  alive: boolean;
}

/**
 * A fixed set of render threads. Tasks go to the least busy thread; each thread renders one at
 * a time (its queue is its message port). A thread that dies fails its pending tasks with an
 * error (the build turns it into a `build/render-failed` diagnostic), and later tasks go to the
 * others. Threads never touch `out`: the main thread writes every file, so atomic writes and
 * the manifest order stay in one place.
 */
export class RenderWorkers {
  readonly #slots: Slot[] = [];
  readonly #pending = new Map<number, { slot: Slot; count: number; resolve: (r: FormatResult[]) => void }>();
  #next = 0;

  /**
   * @param script The worker script.
   * @param count Number of threads.
   * @param init The format context, minus guides.
   */
  constructor(script: string, count: number, init: WorkerInit) {
    try {
      this.#start(script, count, init);
    } catch (error) {
      // No half-started pool: threads already started are stopped before the caller hears of it.
      for (const slot of this.#slots) void slot.worker.terminate();
      throw error;
    }
  }

  #start(script: string, count: number, init: WorkerInit): void {
    for (let i = 0; i < count; i++) {
      // A bounded heap: a thread renders one guide at a time and keeps nothing, so a small old
      // generation only makes V8 collect sooner instead of growing the process towards its default.
      const worker = new Worker(script, {
        workerData: init,
        execArgv: workerExecArgv(),
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 4 },
      });
      const slot: Slot = { worker, busy: 0, alive: true };
      slot.worker.on('message', (reply: WorkerReply) => {
        const pending = this.#pending.get(reply.id);
        if (!pending) return;
        this.#pending.delete(reply.id);
        slot.busy--;
        pending.resolve(reply.results);
      });
      const fail = (message: string): void => {
        slot.alive = false;
        for (const [id, pending] of this.#pending) {
          if (pending.slot !== slot) continue;
          this.#pending.delete(id);
          pending.resolve(Array.from({ length: pending.count }, () => ({ ok: false, message, unavailable: false, crashed: true as const })));
        }
        slot.busy = 0;
      };
      slot.worker.on('error', (error) => fail(`render thread failed: ${error.message}`));
      slot.worker.on('exit', (code) => fail(`render thread exited with code ${code}`));
      this.#slots.push(slot);
    }
  }

  /**
   * Render one guide in several formats on the least busy live thread.
   *
   * @param formats Format names (from {@link PARALLEL_FORMATS}).
   * @param guide The whole guide as UTF-8 JSON, in a buffer of its own: it is moved to the thread.
   * @param translations Stubs of its translations.
   * @returns One result per format, in order; a dead thread fails them all, never rejects.
   */
  run(formats: string[], guide: Uint8Array, translations: Guide[]): Promise<FormatResult[]> {
    const id = this.#next++;
    const live = this.#slots.filter((s) => s.alive);
    if (live.length === 0) return Promise.resolve(formats.map(() => ({ ok: false, message: 'no render thread left', unavailable: false, crashed: true as const })));
    const slot = live.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise((resolve) => {
      this.#pending.set(id, { slot, count: formats.length, resolve });
      slot.worker.postMessage({ id, formats, guide, translations } satisfies WorkerTask, [guide.buffer as ArrayBuffer]);
    });
  }

  /** Stop every thread. */
  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
