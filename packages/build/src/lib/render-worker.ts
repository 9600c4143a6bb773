// Entry of a render thread (built to dist/render-worker.js). Renders the units the main thread
// sends with the same format code, and answers with the files; it never writes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Guide } from '@guidekit/model';
import type { Format, FormatContext, GuideInput, OutputFile } from './format.js';
import { FormatUnavailableError } from './format.js';
import { data } from './formats/data.js';
import { html } from './formats/html.js';
import { json } from './formats/json.js';
import { jsonld } from './formats/jsonld.js';
import { md } from './formats/md.js';
import { guideImageUrls } from './formats/shared.js';
import { single } from './formats/single.js';
import type { FormatResult, WorkerInit, WorkerReply, WorkerTask } from './workers.js';

const init = workerData as WorkerInit;
const encoder = new TextEncoder();
const table: Record<string, Format<any>> = { html, single, md, json, jsonld, data };
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
      // A thread only ever sees whole guides.
      imageUrls: guideImageUrls,
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
    const files: OutputFile[] = (Array.isArray(output) ? output : output.files).map((file) =>
      // Text is encoded here, once, into a buffer that is moved (not copied) to the main thread,
      // which then hashes and writes bytes: the encoding work stays off the thread everyone waits on.
      'data' in file && typeof file.data === 'string' ? { path: file.path, data: encoder.encode(file.data) } : file,
    );
    return { ok: true, files, diagnostics: Array.isArray(output) ? [] : (output.diagnostics ?? []) };
  } catch (error) {
    return { ok: false, message: (error as Error)?.message ?? String(error), unavailable: error instanceof FormatUnavailableError };
  }
}

async function handle(task: WorkerTask): Promise<WorkerReply> {
  let guide: Guide;
  try {
    guide = JSON.parse(task.guide) as Guide;
  } catch (error) {
    const message = `the guide sent to the render thread is not JSON (${(error as Error).message})`;
    return { id: task.id, results: task.formats.map(() => ({ ok: false, message, unavailable: false })) };
  }
  // One decoded guide for every format: the HTML and single-file pages share its sanitized trees.
  const input: GuideInput = { kind: 'guide', guide, translations: task.translations };
  const results: FormatResult[] = [];
  for (const name of task.formats) results.push(await renderFormat(name, input));
  return { id: task.id, results };
}

// One task at a time: rendering is CPU work, and renderers that load things lazily (the
// highlighter's grammars) must not see a second render start halfway through a first.
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (task: WorkerTask) => {
  queue = queue.then(async () => {
    const reply = await handle(task);
    const transfer: ArrayBuffer[] = [];
    for (const result of reply.results) {
      if (!result.ok) continue;
      for (const file of result.files) {
        // Only buffers this thread made whole (TextEncoder's): a Buffer may share a pooled slab.
        if ('data' in file && file.data instanceof Uint8Array && !Buffer.isBuffer(file.data) && file.data.byteOffset === 0 && file.data.byteLength === file.data.buffer.byteLength) {
          transfer.push(file.data.buffer as ArrayBuffer);
        }
      }
    }
    parentPort?.postMessage(reply, transfer);
  });
});
