import * as path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { sortDiagnostics } from '@guidekit/model';
import type { Format } from '@guidekit/render/formats';
import { Commit } from './commit.js';
import { siteOf } from './context.js';
import { settle } from './diagnostics.js';
import { diff, readOutputState } from './diff.js';
import type { OutputState } from './diff.js';
import { hashValue } from './hash.js';
import { lockOutput } from './lock.js';
import type { PublishOptions, PublishResult } from './options.js';
import { plan } from './plan.js';
import { Renderer } from './render.js';
import { setUp } from './setup.js';
import type { Setup } from './setup.js';
import { runSiteSteps, siteStepId, startSiteWatches } from './site-step.js';
import { translationStates } from './translation-state.js';

/** What a run function returns. */
export interface PublishRun {
  diagnostics: Diagnostic[];
  result: PublishResult;
}

/** The result of a publish an invalid configuration stopped before it wrote anything. */
function invalidConfig(root: string, diagnostics: Diagnostic[], options: PublishOptions, started: number): PublishRun {
  const absRoot = path.resolve(options.cwd ?? process.cwd(), root);
  return {
    diagnostics: sortDiagnostics(diagnostics.map((d) => ({ ...d, file: path.resolve(absRoot, d.file) }))),
    result: {
      root: absRoot,
      out: '',
      formats: [],
      guides: 0,
      written: [],
      unchanged: 0,
      removed: [],
      units: { rendered: 0, skipped: 0 },
      unavailable: [],
      invalidConfig: true,
      timings: { loadMs: performance.now() - started, planMs: 0, renderMs: 0, finishMs: 0 },
      durationMs: performance.now() - started,
    },
  };
}

/** Formats not asked for this time keep their outputs and records: `--format pdf` must not delete the HTML site. */
function keepUnselected(commit: Commit, state: OutputState, formats: readonly Format<any>[]): void {
  const selected = new Set(formats.map((f) => f.id));
  for (const id of Object.keys(state.previous.units)) {
    if (!selected.has(id.slice(0, id.indexOf(':')))) commit.keepPrevious(id);
  }
}

/**
 * Publish a content tree into its output folder, incrementally, atomically, one build at a time.
 *
 * Stages, each a module: set up (configuration, content, output folder, formats — once) → lock
 * the output folder → plan (every unit and its key) → diff (against the last manifest) → render
 * (units → files, given to the commit as they come) → site steps (over the committed output) →
 * commit (manifest last, then removals). Killing it at any moment leaves every file the manifest
 * lists present and complete.
 *
 * @param root Content root (absolute, or relative to `options.cwd`).
 * @param options Output folder, formats, shard, hooks.
 * @returns The diagnostics to report (levels, inline directives applied, paths absolute) and what was done.
 * @throws PublishUsageError on a call that cannot run (unknown format, missing root, bad shard, locked output).
 */
export async function publish(root: string, options: PublishOptions = {}): Promise<PublishRun> {
  const started = performance.now();
  const setup = await setUp(root, options);
  if ('configErrors' in setup) return invalidConfig(root, setup.configErrors, options, started);
  const lock = await lockOutput(setup.out, { wait: options.wait, onWait: options.onWait });
  try {
    return await publishLocked(setup, options, started);
  } finally {
    lock.release();
  }
}

/** The stages after set-up, with the output folder locked (`merge` calls this too). */
export async function publishLocked(setup: Setup, options: PublishOptions, started: number): Promise<PublishRun> {
  const site = siteOf(setup, options);
  const states = await translationStates(setup.content, site.guides, setup.formats);
  const units = plan({ site, formats: setup.formats, configHash: hashValue(setup.config), states, shard: setup.shard });
  const state = await readOutputState(setup.out);
  const { dirty, clean } = diff(units, state);
  const plannedAt = performance.now();
  const steps = setup.formats.filter((f) => f.site).map(siteStepId);
  const shard = setup.shard ? { ...setup.shard, formats: setup.formats.map((f) => f.id) } : undefined;
  const commit = new Commit(setup.out, state, [...dirty.map((u) => u.id), ...steps], shard);
  const replayed = commit.keep(clean.map((u) => u.id));
  keepUnselected(commit, state, setup.formats);
  await commit.clearLeftovers();
  const watches = setup.shard ? new Map() : await startSiteWatches(setup.formats, site, { dirty, clean }, state, setup.out);
  const renderer = new Renderer({ site, commit, total: dirty.length, signal: options.signal, onProgress: options.onProgress, watches });
  let siteSteps: Awaited<ReturnType<typeof runSiteSteps>> | { diagnostics: Diagnostic[] } = { diagnostics: [] };
  let renderedAt = 0;
  try {
    try {
      await renderer.run(dirty);
    } finally {
      await renderer.close();
    }
    renderedAt = performance.now();
    if (!setup.shard) siteSteps = await runSiteSteps(setup.formats, site, commit, state, watches);
  } finally {
    for (const watch of watches.values()) await watch.close();
  }
  const done = await commit.finish();
  const found = { content: setup.content.diagnostics, rendered: [...renderer.diagnostics, ...siteSteps.diagnostics], replayed };
  const result: PublishResult = {
    root: setup.root,
    out: setup.out,
    formats: setup.formats.map((f) => f.id),
    guides: site.guides.length,
    written: done.written,
    unchanged: Object.keys(done.manifest.files).length - new Set(done.written).size,
    removed: done.removed,
    units: { rendered: renderer.rendered, skipped: clean.length },
    unavailable: renderer.unavailable,
    ...(setup.shard ? { shard: setup.shard } : {}),
    invalidConfig: false,
    timings: { loadMs: setup.loadMs, planMs: plannedAt - started - setup.loadMs, renderMs: renderedAt - plannedAt, finishMs: performance.now() - renderedAt },
    durationMs: performance.now() - started,
  };
  return { diagnostics: settle(found, setup.content, options.verbose ?? false), result };
}
