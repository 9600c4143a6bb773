import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type * as ParserModule from '@guidekit/parser';
import { summarize } from './summary.js';

const require = createRequire(import.meta.url);

type Parser = typeof ParserModule;
let parser: Parser | undefined;

/**
 * Load the parser on this thread, once. A load that parses on worker threads (every big one)
 * never needs it here, and it is a fifth of a process's memory (micromark, acorn, the mdast
 * utilities): it is loaded when this thread is about to parse.
 *
 * @returns The parser module.
 */
export async function loadParser(): Promise<Parser> {
  parser ??= await import('@guidekit/parser');
  return parser;
}

/**
 * Whether this Node loads ES modules with `require` (20.19 and later), which lets a guide whose
 * cache entry went away after the load be parsed again synchronously without loading the parser
 * up front.
 */
export function canRequireParser(): boolean {
  return (process.features as { require_module?: boolean }).require_module === true && builtParserUrl() !== undefined;
}

/** The parser, loaded synchronously when {@link loadParser} did not run (see {@link canRequireParser}). */
function parserNow(): Parser {
  if (parser) return parser;
  const url = builtParserUrl();
  if (!url) throw new Error('the parser is neither loaded nor built');
  parser = require(fileURLToPath(url)) as Parser;
  return parser;
}

/** What one file needs to be parsed (everything but the shared keywords). */
export interface ParseTask {
  source: string;
  path: string;
  locale: string;
  slug: string;
  format: 'md' | 'mdx';
}

/**
 * A parse outcome: the guide as UTF-8 JSON bytes (in a buffer of its own, so a worker moves it
 * to the caller instead of copying a string) and its summary (diagnostics, images, outline; see
 * `summarize`) as JSON text, the two parts of a cache entry; or the message of a parser crash.
 */
export type ParseOutcome = { guide: Uint8Array; summary: string } | { error: string };

type Keywords = Parameters<Parser['parseGuide']>[1]['keywords'];

const encoder = new TextEncoder();

/**
 * Parse one task and serialize the result. Both the serial path and the workers go through
 * JSON, so a guide is the same object whether it was parsed here, in a worker or read from the
 * cache (the worker source below does exactly the same).
 *
 * @param task The file and its options.
 * @param keywords Extra keywords from the configuration.
 * @returns The JSON of the parse result, or the crash message.
 */
export function parseTask(task: ParseTask, keywords: Keywords | undefined): ParseOutcome {
  try {
    const { parseGuide } = parserNow();
    const options: Parameters<Parser['parseGuide']>[1] = {
      path: task.path,
      locale: task.locale,
      slug: task.slug,
      format: task.format,
    };
    if (keywords !== undefined) options.keywords = keywords;
    const result = parseGuide(task.source, options);
    return { guide: encoder.encode(JSON.stringify(result.guide)), summary: JSON.stringify(summarize(result.guide, result.diagnostics, task.source)) };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * The built parser a worker imports. Workers run in plain Node (no vitest transform), so they
 * need JavaScript: the parser's `dist/index.js`, located through its package.json so the same
 * code works from this package's `src` (under vitest) and from its `dist`.
 *
 * @returns A file URL, or `undefined` when the parser is not built.
 */
export function builtParserUrl(): string | undefined {
  return builtUrl('@guidekit/parser');
}

/**
 * The built content package (this one) a worker imports for `summarize`, found the same way.
 *
 * @returns A file URL, or `undefined` when it is not built.
 */
export function builtContentUrl(): string | undefined {
  return builtUrl('@guidekit/content');
}

function builtUrl(pkg: string): string | undefined {
  try {
    const manifest = require.resolve(`${pkg}/package.json`);
    const entry = path.join(path.dirname(manifest), 'dist', 'index.js');
    return existsSync(entry) ? pathToFileURL(entry).href : undefined;
  } catch {
    return undefined;
  }
}

// Kept as a string and run with `eval: true` so no separate worker file has to be found next
// to whichever build of this module is running. It is CommonJS; `import()` loads the ESM parser.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const encoder = new TextEncoder();
Promise.all([import(workerData.parserUrl), import(workerData.contentUrl)]).then(([{ parseGuide }, { summarize }]) => {
  parentPort.on('message', (batch) => {
    const out = [];
    const moved = [];
    for (const task of batch.tasks) {
      try {
        const options = { path: task.path, locale: task.locale, slug: task.slug, format: task.format };
        if (workerData.keywords !== undefined) options.keywords = workerData.keywords;
        const result = parseGuide(task.source, options);
        const guide = encoder.encode(JSON.stringify(result.guide));
        moved.push(guide.buffer);
        out.push({ guide, summary: JSON.stringify(summarize(result.guide, result.diagnostics, task.source)) });
      } catch (error) {
        out.push({ error: error instanceof Error ? (error.stack || error.message) : String(error) });
      }
    }
    // The guides' bytes are moved, not copied: the caller writes them to the cache as they are.
    parentPort.postMessage({ id: batch.id, out }, moved);
  });
  parentPort.postMessage({ ready: true });
}, (error) => {
  parentPort.postMessage({ fatal: String((error && error.stack) || error) });
});
`;

/**
 * The main thread's Node flags minus those that would change how the worker's code loads:
 * export conditions (a test runner's `--conditions source` would make the built parser resolve
 * its dependencies to TypeScript sources plain Node cannot load) and module-type defaults
 * (`--input-type=module` would run the CommonJS worker source as ESM).
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  const dropped = ['--conditions', '-C', '--input-type', '--experimental-default-type'];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (dropped.includes(arg)) {
      i++;
      continue;
    }
    if (dropped.some((flag) => arg.startsWith(`${flag}=`))) continue;
    out.push(arg);
  }
  return out;
}

/**
 * Resource limits of a parse worker (measured on 2,002 guides, two workers). A worker keeps
 * nothing between files, so a bounded heap makes V8 collect instead of growing each thread by a
 * hundred megabytes (unbounded: 340 MB for the load); but the tighter the bound, the more often
 * it collects (256 MB parsed a third slower than no bound, 384 MB within the noise of it at 255 MB). A 24 MB young
 * generation measured ~30 MB less per worker than the default at the same speed.
 */
export const PARSE_WORKER_LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 24 } as const;

/** Batches a worker holds at once: one being parsed, one waiting, so it never idles while the caller takes the last one. */
const IN_FLIGHT = 2;

/** Options of {@link parseInWorkers}. */
export interface PoolOptions {
  workers: number;
  keywords: Keywords | undefined;
  parserUrl: string;
  /** The built content package's URL (for `summarize`). */
  contentUrl: string;
  /** Called with each outcome as it arrives (task index, outcome); nothing is kept after. */
  onResult: (index: number, outcome: ParseOutcome) => void;
  /** Called after each batch with the number of tasks done. */
  onProgress?: ((done: number) => void) | undefined;
}

/**
 * Parse tasks on worker threads, in small batches handed out as workers free up (files differ
 * a lot in size). Each worker holds two batches, so it parses the next while the caller takes
 * the outcomes of the last (writing cache entries costs the caller about a millisecond a file).
 * Each outcome, identical to {@link parseTask}'s, goes to `onResult` as soon as its batch is back
 * (in no particular order), so the caller never holds them all. When a worker fails, the promise
 * rejects; outcomes already delivered stay delivered.
 *
 * @param tasks Files to parse.
 * @param options Worker count, keywords, the built parser's URL and the result callback.
 */
export async function parseInWorkers(tasks: readonly ParseTask[], options: PoolOptions): Promise<void> {
  const batchSize = Math.max(1, Math.min(16, Math.ceil(tasks.length / (options.workers * 8))));
  const batches: number[][] = [];
  for (let i = 0; i < tasks.length; i += batchSize) {
    batches.push(Array.from({ length: Math.min(batchSize, tasks.length - i) }, (_, k) => i + k));
  }
  let next = 0;
  let done = 0;
  let failed = false;
  const pool: Worker[] = [];
  const count = Math.min(options.workers, batches.length);
  const runOne = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: workerExecArgv(),
        workerData: { parserUrl: options.parserUrl, contentUrl: options.contentUrl, keywords: options.keywords },
        resourceLimits: PARSE_WORKER_LIMITS,
      });
      pool.push(worker);
      /** Batches sent to this worker and not answered yet, by batch id. */
      const sent = new Map<number, number[]>();
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        if (error) {
          // One failure ends the pool: the caller parses everything again on its own thread,
          // so the other workers must not keep burning the cores meanwhile.
          failed = true;
          for (const w of pool) void w.terminate();
          reject(error);
        } else {
          void worker.terminate().then(() => resolve());
        }
      };
      /** Top the worker up to {@link IN_FLIGHT} batches; finish once nothing is left or pending. */
      const feed = (): void => {
        while (!failed && sent.size < IN_FLIGHT && next < batches.length) {
          const id = next++;
          const batch = batches[id] as number[];
          sent.set(id, batch);
          worker.postMessage({ id, tasks: batch.map((i) => tasks[i]) });
        }
        if (sent.size === 0) finish();
      };
      worker.on('message', (message: { ready?: true; fatal?: string; id?: number; out?: ParseOutcome[] }) => {
        if (message.fatal !== undefined) {
          finish(new Error(`guidekit: a parse worker could not load the parser: ${message.fatal}`));
          return;
        }
        if (message.ready) {
          feed();
          return;
        }
        const batch = message.id === undefined ? undefined : sent.get(message.id);
        if (!batch || !message.out) return;
        sent.delete(message.id as number);
        // The next batch goes out before this one is taken: the worker parses meanwhile.
        feed();
        batch.forEach((index, k) => {
          options.onResult(index, message.out?.[k] ?? { error: 'worker returned no result' });
        });
        done += batch.length;
        options.onProgress?.(done);
      });
      worker.on('error', (error) => finish(error));
      // A worker that dies without an error event (killed, out of memory) must not hang the load.
      worker.on('exit', (code) => finish(settled ? undefined : new Error(`guidekit: a parse worker exited early (code ${code})`)));
    });
  await Promise.all(Array.from({ length: count }, runOne));
}
