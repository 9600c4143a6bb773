// bench/content — `loadContent` on the real corpus repeated to >= 2,000 guides, in fresh processes.
//
// Prints each figure as a ratio against a baseline measured in the same run:
//   cold load (empty cache, entries written)   / bare parse of the same files (one thread)
//   no-op load (warm cache)                    / cold                        (build target <= 0.05)
//   one guide changed                          / cold                        (build target <= 0.10)
//   peak RSS of the load process
// Each cold load sits between two bare parses (the machine's speed drifts within minutes), and
// the cold figure is the median of --reps.
//
// A/B: --content DIR loads another build of @guidekit/content (a `dist` folder, e.g. a copy of an
// older tree), and --workers N passes `workers: N` to it (the option of the worker-thread loader,
// removed since: the current loader ignores it). This is how the README's cache and threads
// figures were measured.
//
// With --cacache DIR (a folder where `npm i cacache` ran), the entries the last load wrote are also
// written and read back in this process through the plain-file cache and through cacache (npm's
// content-addressed cache), one after the other as a load does: what chose plain files.
//
// Usage: node bench/content.mjs [--guides 2000] [--reps 3] [--content DIR] [--workers N] [--cacache DIR]
// Needs the packages built (`pnpm turbo run build --filter @guidekit/content...`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { args, bareParser, corpusOrExit, flag, readSources, repo, writeCopies } from './lib.mjs';


// ---- child mode: one load in a fresh process, so RSS and timings are its own ----
if (args[0] === '--child') {
  const [, root, cache, dist, workers] = args;
  const { loadContent } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const options = { cache, cwd: path.dirname(root) };
  if (workers !== 'default') options.workers = Number(workers);
  const content = await loadContent(root, options);
  // What a build reads of every guide: the outlines (no guide decoded).
  const outlines = content.outlines.length;
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, stats: content.stats, outlines, diagnostics: content.diagnostics.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
  );
  process.exit(0);
}

const corpus = corpusOrExit('content');
const wanted = Number(flag('--guides', '2000'));
const reps = Math.max(1, Number(flag('--reps', '3')));
const dist = path.resolve(flag('--content', path.join(repo, 'packages/content/dist')));
const workers = flag('--workers', 'default');

// ---- the tree: the corpus repeated, same stem in both folders so pairs survive ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-content-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const root = path.join(tmp, 'content');
const sources = readSources(corpus);
const copies = Math.ceil(wanted / sources.length);
const files = writeCopies(sources, root, copies);

// ---- baseline: the bare parse of the same files, in this process ----
const processor = await bareParser(files);
const bareParse = () => {
  const t = performance.now();
  for (const f of files) processor.parse(fs.readFileSync(f, 'utf8'));
  return performance.now() - t;
};

const cache = path.join(tmp, 'cache');
const child = () => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', root, cache, dist, workers], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`load child failed with ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

const runs = [];
for (let r = 0; r < reps; r++) {
  fs.rmSync(cache, { recursive: true, force: true });
  const before = bareParse();
  const load = child();
  const after = bareParse();
  runs.push({ load, parseMs: (before + after) / 2, ratio: load.ms / ((before + after) / 2) });
}
const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)];
const cold = runs[runs.length - 1].load;
const noop = child();
fs.appendFileSync(files[0], '\n\nOne more sentence written by the benchmark.\n');
const one = child();

const f3 = (x) => x.toFixed(3);
const cacheFiles = fs.readdirSync(cache, { recursive: true }).filter((n) => fs.statSync(path.join(cache, String(n))).isFile()).length;
console.log(
  `bench/content: ${cold.stats.files} guides (${sources.length} corpus files × ${copies}), ${path.relative(repo, dist) || dist}, workers ${workers}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`,
);
runs.forEach((r, i) => {
  console.log(`  rep ${i + 1}: bare parse ${r.parseMs.toFixed(0)} ms; cold load ${r.load.ms.toFixed(0)} ms = ${f3(r.ratio)} × parse (cpu ${r.load.cpuMs.toFixed(0)} ms, peak RSS ${r.load.maxRssMB.toFixed(0)} MB, ${r.load.stats.workers ?? 0} workers)`);
});
console.log(`  cold load (median)  ${median.load.ms.toFixed(0).padStart(7)} ms = ${f3(median.ratio)} × bare parse; ${cacheFiles} files in the cache folder`);
// CPU time too: on a loaded machine wall time mostly measures the neighbours.
const vsCold = (r) => `${f3(r.ms / cold.ms)} × cold; cpu ${r.cpuMs.toFixed(0)} ms = ${f3(r.cpuMs / cold.cpuMs)} × cold cpu`;
console.log(`  no-op load          ${noop.ms.toFixed(0).padStart(7)} ms = ${vsCold(noop)} (parsed ${noop.stats.parsed}, cached ${noop.stats.cached}), peak RSS ${noop.maxRssMB.toFixed(0)} MB`);
console.log(`  one guide changed   ${one.ms.toFixed(0).padStart(7)} ms = ${vsCold(one)} (parsed ${one.stats.parsed}, cached ${one.stats.cached}), peak RSS ${one.maxRssMB.toFixed(0)} MB`);
console.log(`  peak RSS            ${Math.max(...runs.map((r) => r.load.maxRssMB), noop.maxRssMB, one.maxRssMB).toFixed(0).padStart(7)} MB`);

// ---- plain files against cacache, on the entries the load wrote (v5 layout only) ----
const cacacheDir = flag('--cacache', undefined);
if (cacacheDir !== undefined && fs.existsSync(path.join(cache, 'v5'))) {
  const cacache = createRequire(path.join(path.resolve(cacacheDir), 'package.json'))('cacache');
  const { GuideCache } = await import(pathToFileURL(path.join(dist, 'index.js')).href);
  const entries = fs.readdirSync(path.join(cache, 'v5')).map((name) => fs.readFileSync(path.join(cache, 'v5', name)));
  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const plainDir = path.join(tmp, 'ab-plain');
  const cacacheDirOut = path.join(tmp, 'ab-cacache');
  const summary = '{}';
  const results = [];
  for (let round = 0; round < 2; round++) {
    fs.rmSync(plainDir, { recursive: true, force: true });
    fs.rmSync(cacacheDirOut, { recursive: true, force: true });
    const plain = new GuideCache(plainDir); // a new one each round: it creates its folder on its first write
    const writePlain = await time(() => entries.forEach((bytes, i) => plain.writeSync(`/g/${i}.md`, `k${i}`, summary, bytes)));
    const readPlain = await time(() => entries.forEach((_, i) => plain.read(`/g/${i}.md`, `k${i}`)));
    const writeCacache = await time(async () => {
      for (const [i, bytes] of entries.entries()) await cacache.put(cacacheDirOut, `k${i}`, bytes);
    });
    const readCacache = await time(async () => {
      for (const [i] of entries.entries()) await cacache.get(cacacheDirOut, `k${i}`, { memoize: false });
    });
    results.push({ writePlain, readPlain, writeCacache, readCacache });
  }
  const last = results[results.length - 1];
  const files = (dir) => fs.readdirSync(dir, { recursive: true }).filter((n) => fs.statSync(path.join(dir, String(n))).isFile()).length;
  console.log(`  cache A/B, ${entries.length} entries (${(entries.reduce((n, b) => n + b.length, 0) / 1e6).toFixed(0)} MB), second round:`);
  console.log(`    plain files: write ${last.writePlain.toFixed(0)} ms, read whole ${last.readPlain.toFixed(0)} ms, ${files(plainDir)} files`);
  console.log(`    cacache:     write ${last.writeCacache.toFixed(0)} ms (${(last.writeCacache / last.writePlain).toFixed(2)} × plain), read whole ${last.readCacache.toFixed(0)} ms (${(last.readCacache / last.readPlain).toFixed(2)} × plain), ${files(cacacheDirOut)} files`);
}
