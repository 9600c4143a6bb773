// Entry of a render thread (built to dist/render-worker.js). Renders the units the main thread
// sends with the same format code, writes each output to its own staging folder, and answers with
// where it put them and their hashes; only the main thread renames into `out`.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { Guide } from '@guidekit/model';
import type { Format, FormatContext, GuideInput, OutputFile } from './format.js';
import { FormatUnavailableError } from './format.js';
import { hashContent } from './hash.js';
import { formats } from './registry.js';
import { PARALLEL_FORMATS } from './workers.js';
import type { FormatResult, StagedFile, WorkerInit, WorkerReply, WorkerTask } from './workers.js';

const init = workerData as WorkerInit;
/** Unique per thread, so staged names never collide between threads or builds. */
const tag = `${process.pid}-${threadId}-${randomBytes(4).toString('hex')}`;
/**
 * This thread's own staging folder: creating a file locks its folder, and the threads create
 * thousands while the main thread renames them out, so each thread gets a folder of its own.
 */
const staging = path.join(init.staging, tag);
mkdirSync(staging, { recursive: true });
let count = 0;
const decoder = new TextDecoder();
// The registry's own format objects, those the threads render.
const table: Record<string, Format<any>> = Object.fromEntries(formats.filter((f) => PARALLEL_FORMATS.includes(f.name)).map((f) => [f.name, f]));
const contexts = new Map<string, FormatContext>();

function contextFor(format: string): FormatContext {
  let ctx = contexts.get(format);
  if (!ctx) {
    ctx = {
      root: init.root,
      out: init.out,
      config: init.config,
      staticDir: init.staticDir,
      options: init.options[format] ?? {},
      guides: [],
      locales: init.locales,
      formats: init.formats,
      groups: new Map(),
      memo: new Map(),
      // Only `inputs` and `renderIndex` ask for these, and both run on the main thread. A thread
      // does not load the content package (and the parser behind it) to answer them.
      imageUrls: () => {
        throw new Error('ctx.imageUrls is not available on a render thread (call it from inputs or renderIndex)');
      },
      loadGuide: (guide: Guide) => guide,
    };
    contexts.set(format, ctx);
  }
  return ctx;
}

async function renderFormat(name: string, input: GuideInput): Promise<FormatResult> {
  try {
    const format = table[name];
    if (!format) throw new Error(`format ${name} cannot run on a render thread`);
    const output = await format.render(input, contextFor(name), undefined);
    // Each output is hashed and written to the staging folder here: the main thread, which every
    // thread waits on, only renames it into place (or drops it when its bytes did not change),
    // and no page's bytes cross between threads.
    const files: (OutputFile | StagedFile)[] = (Array.isArray(output) ? output : output.files).map((file) => {
      if (!('data' in file)) return file;
      const staged = path.join(staging, `${path.posix.basename(file.path)}.${count++}`);
      // Encoded once: writing a string and hashing it would each turn it into UTF-8.
      const bytes = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
      writeFileSync(staged, bytes);
      return { path: file.path, staged, sha: hashContent(bytes) };
    });
    return { ok: true, files, diagnostics: Array.isArray(output) ? [] : (output.diagnostics ?? []) };
  } catch (error) {
    return { ok: false, message: (error as Error)?.message ?? String(error), unavailable: error instanceof FormatUnavailableError };
  }
}

async function handle(task: WorkerTask): Promise<WorkerReply> {
  let guide: Guide;
  let json: string;
  try {
    json = decoder.decode(task.guide);
    guide = JSON.parse(json) as Guide;
  } catch (error) {
    const message = `the guide sent to the render thread is not JSON (${(error as Error).message})`;
    return { id: task.id, results: task.formats.map(() => ({ ok: false, message, unavailable: false })) };
  }
  // One decoded guide for every format: the HTML and single-file pages share its sanitized trees.
  const input: GuideInput = { kind: 'guide', guide, translations: task.translations, json };
  const results: FormatResult[] = [];
  for (const name of task.formats) results.push(await renderFormat(name, input));
  return { id: task.id, results };
}

// One task at a time: rendering is CPU work, and renderers that load things lazily (the
// highlighter's grammars) must not see a second render start halfway through a first.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: WorkerTask) => {
  queue = queue.then(async () => parentPort?.postMessage(await handle(task)));
});
