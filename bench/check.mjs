// bench/check — `guidekit-docs check` on the real corpus repeated to >= 2,000 guides.
//
// Prints each figure as a ratio against a baseline measured in the same run:
//   cold check (empty cache, workers on)          the baseline, in seconds
//   no-op second run (warm cache)      / cold      (target <= 0.05)
//   cold parse on one thread, no cache             serial baseline
//   cold parse on worker threads, no cache         speed-up = serial / parallel
//
// Each figure is measured in a fresh node process around the check (module loading excluded),
// so one run's JIT and heap do not help the next.
// Usage: node bench/check.mjs [--guides 2000]. Needs the packages built (`pnpm turbo run build`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { args, flag, repo } from './lib.mjs';


// ---- child mode: one check in a fresh process ----
if (args[0] === '--child') {
  const [, root, cacheDir, workers] = args;
  // The check pipeline as `guidekit-docs check` runs it: the `check()` run function (load,
  // configured levels, inline directives, paths), then the json reporter, imported from the
  // packages rather than the app so the bench does not depend on the app's CLI layer.
  const { check, loadContent } = await import(pathToFileURL(path.join(repo, 'packages/content/dist/index.js')).href);
  const { report } = await import(pathToFileURL(path.join(repo, 'packages/report/dist/index.js')).href);
  const t0 = performance.now();
  let stats;
  let diagnostics;
  if (workers === 'check') {
    const { diagnostics: kept, result } = await check(root, { cwd: cacheDir });
    report(kept, { reporter: 'json', cwd: cacheDir });
    stats = result.stats;
    diagnostics = kept.length;
  } else {
    const content = await loadContent(root, { cache: false, workers: Number(workers) });
    stats = content.stats;
    diagnostics = content.diagnostics.length;
  }
  const ms = performance.now() - t0;
  // CPU time of the whole process (all threads, workers included): on a shared, loaded machine
  // wall time mostly measures the neighbours, CPU time what this run cost.
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, stats, diagnostics }));
  process.exit(0);
}

const corpus = path.resolve(repo, '../shared/corpus/blog');
if (!fs.existsSync(corpus)) {
  console.error(`bench/check: the corpus is missing at ${corpus}`);
  process.exit(2);
}
const wanted = Number(flag('--guides', '2000'));

// Repeat the corpus, varying each copy slightly (a line of its own at the end) so no two files
// are identical, and keeping French/English twins paired (same stem per copy).
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-check-'));
const root = path.join(work, 'blog');
const files = [];
for (const locale of fs.readdirSync(corpus)) {
  for (const name of fs.readdirSync(path.join(corpus, locale))) files.push([locale, name]);
}
const copies = Math.ceil(wanted / files.length);
let written = 0;
for (let copy = 0; copy < copies; copy++) {
  for (const [locale, name] of files) {
    const text = fs.readFileSync(path.join(corpus, locale, name), 'utf8');
    const out = path.join(root, locale, name.replace(/(\.mdx?)$/, `-copy${copy}$1`));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${text}\n\nCopy ${copy} of this post.\n`);
    written++;
  }
}
// The cache goes to <cwd>/node_modules/.cache/guidekit: give the run its own cwd.
const cwd = path.join(work, 'site');
fs.mkdirSync(path.join(cwd, 'node_modules'), { recursive: true });

function child(workers) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', root, cwd, String(workers)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout);
}

console.log(`bench/check: ${written} guides (${files.length} corpus files x ${copies}), ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}`);
const cold = child('check');
const noop = child('check');
const serial = child(0);
const parallel = child(os.availableParallelism());
fs.rmSync(work, { recursive: true, force: true });

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const c = (r) => `(cpu ${s(r.cpuMs)})`;
console.log(`cold check (empty cache, workers)   ${s(cold.ms)} ${c(cold)}   1.00   (${Math.round((written / cold.ms) * 1000)} guides/s)`);
console.log(`no-op second run (warm cache)       ${s(noop.ms)} ${c(noop)}   ${(noop.ms / cold.ms).toFixed(3)} x cold wall, ${(noop.cpuMs / cold.cpuMs).toFixed(3)} x cold cpu   (target <= 0.05)`);
console.log(`cold parse, one thread, no cache    ${s(serial.ms)} ${c(serial)}   1.00`);
console.log(`cold parse, ${parallel.stats.workers} workers, no cache      ${s(parallel.ms)} ${c(parallel)}   ${(parallel.ms / serial.ms).toFixed(2)} x serial   speed-up ${(serial.ms / parallel.ms).toFixed(2)}x`);
console.log(`load average at the end: ${os.loadavg()[0].toFixed(1)} (figures are wall-clock; above ~2 the machine is shared and they are noisy)`);
if (cold.stats.parsed !== written || noop.stats.parsed !== 0 || serial.stats.parsed !== written || parallel.stats.parsed !== written) {
  console.error(`bench/check: unexpected parse counts: ${JSON.stringify([cold.stats, noop.stats, serial.stats, parallel.stats])}`);
  process.exit(1);
}
