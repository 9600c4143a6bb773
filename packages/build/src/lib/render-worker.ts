// Entry of a render thread (built to dist/render-worker.js). Renders the units the main thread
// sends with the same format code, and answers with the files; it never writes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Format, FormatContext, GuideInput, OutputFile } from './format.js';
import { html } from './formats/html.js';
import { md } from './formats/md.js';
import { single } from './formats/single.js';
import type { WorkerInit, WorkerReply, WorkerTask } from './workers.js';
import { FormatUnavailableError } from './format.js';

const init = workerData as WorkerInit;
const table: Record<string, Format<any>> = { html, single, md };
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
    };
    contexts.set(format, ctx);
  }
  return ctx;
}

async function handle(task: WorkerTask): Promise<WorkerReply> {
  try {
    const format = table[task.format];
    if (!format) throw new Error(`format ${task.format} cannot run on a render thread`);
    const input: GuideInput = { kind: 'guide', guide: task.guide, translations: task.translations };
    const output = await format.render(input, contextFor(task.format), undefined);
    const files: OutputFile[] = Array.isArray(output) ? output : output.files;
    return { id: task.id, ok: true, files, diagnostics: Array.isArray(output) ? [] : (output.diagnostics ?? []) };
  } catch (error) {
    return { id: task.id, ok: false, message: (error as Error).message ?? String(error), unavailable: error instanceof FormatUnavailableError };
  }
}

// One unit at a time: rendering is CPU work, and renderers that load things lazily (the
// highlighter's grammars) must not see a second render start halfway through a first.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: WorkerTask) => {
  queue = queue.then(async () => parentPort?.postMessage(await handle(task)));
});
