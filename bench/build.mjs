// bench/build — `guidekit-docs build` on the real corpus repeated to >= 2,000 guides.
//
// Prints each figure as a ratio against a baseline measured in the same run:
//   cold build (html,single,json,md,jsonld)   / bare parse of the same files  (target <= 3)
//     (measured --reps times, default 3, each cold build between two bare parses: the ratio of a
//     rep is its cold build over the mean of the parse just before and just after it, and the
//     figure is the median rep. A shared machine's speed drifts by up to 2x within minutes; a
//     baseline taken a minute earlier than the build measures the drift, not the build.)
//   no-op rebuild                              / cold                          (target <= 0.05)
//   one guide changed                          / cold                          (target <= 0.10)
//   peak RSS of the build process                                              (target < 300 MB)
//   (CPU figures of a build count its process and the processes it waited for: Pagefind's binary)
//   Velite producing JSON                      / guidekit cold build, json only (target <= 1.0)
//
// With --floor, also the floor of the work itself: the same guides parsed, rendered in the five
// formats and written in one pass on one thread, in a fresh process, by a plain loop over the
// public functions (no cache, no manifest, no threads, no incremental keys) — the same site: guide
// pages with their sidebar and previous/next, the locale indexes, the home page and the search
// index (Pagefind's CPU counted, as for the build). cold build ÷ floor is
// what the build's orchestration adds; floor ÷ parse is what the work costs on this machine.
//
// With --large N (e.g. 20000), also a cold build of the corpus repeated to N guides (new slugs per
// copy), as a ratio to the median cold build of this run (target <= 11 at 20,000), and its peak RSS
// (target < 600 MB).
//
// Usage: node bench/build.mjs [--guides 2000] [--formats html,single,json,md,jsonld] [--reps 3] [--floor] [--large 20000]
// Needs the packages built (`pnpm turbo run build`). Velite is optional: `cd bench && npm i`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { args, bareParser, corpusOrExit, flag, here, readSources, repo, writeCopies } from './lib.mjs';


/**
 * CPU milliseconds of the child processes this process has waited for (Pagefind's binary, a
 * browser), from /proc/self/stat (cutime + cstime, in clock ticks of 100 Hz); 0 where there is no
 * /proc. `process.cpuUsage()` counts this process only.
 */
const childrenCpuMs = () => {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
};

// ---- child mode: one build in a fresh process, so RSS and timings are its own ----
if (args[0] === '--child') {
  const [, root, out, formats, cache] = args;
  const { publish } = await import(pathToFileURL(path.join(repo, 'packages/publish/dist/index.js')).href);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const run = await publish(root, { out, formats: formats.split(','), cache: cache !== 'no-cache' });
  const result = { ...run.result, diagnostics: run.diagnostics };
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0); // the whole process: every thread
  const childMs = childrenCpuMs(); // and the processes it started (Pagefind)
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000 + childMs,
      childCpuMs: childMs,
      guides: result.guides,
      written: result.written.length,
      unchanged: result.unchanged,
      rendered: result.units.rendered,
      errors,
      failed: result.diagnostics.filter((d) => d.ruleId === 'build/render-failed').length,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      timings: result.timings,
    }),
  );
  process.exit(0);
}

// ---- floor child: one pass, one thread — parse a translation group, render it, write it ----
if (args[0] === '--floor-child') {
  const [, root, out] = args;
  const { parseGuide } = await import(pathToFileURL(path.join(repo, 'packages/parser/dist/index.js')).href);
  const render = await import(pathToFileURL(path.join(repo, 'packages/render/dist/index.js')).href);
  const { outlineOf } = await import(pathToFileURL(path.join(repo, 'packages/content/dist/index.js')).href);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const locales = { french: 'fr', english: 'en' };
  const groups = new Map();
  for (const folder of Object.keys(locales)) {
    for (const name of fs.readdirSync(path.join(root, folder)).sort()) {
      const slug = name.replace(/\.mdx?$/, '');
      if (!groups.has(slug)) groups.set(slug, []);
      groups.get(slug).push({ file: path.join(root, folder, name), rel: `${folder}/${name}`, locale: locales[folder], slug, format: name.endsWith('.mdx') ? 'mdx' : 'md' });
    }
  }
  // Written as the build writes: aside, then renamed into place.
  const staging = path.join(out, '.staging');
  fs.mkdirSync(staging, { recursive: true });
  const made = new Set();
  let n = 0;
  const write = (rel, text) => {
    const target = path.join(out, rel);
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const tmp = path.join(staging, String(n++));
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  };
  // Every guide parsed once, kept: a page's sidebar and previous/next need the whole site (as
  // outlines, like the build gives them), so the pages are rendered after the last parse.
  const parsed = [...groups.values()].map((members) =>
    members.map((m) => parseGuide(fs.readFileSync(m.file, 'utf8'), { path: m.rel, locale: m.locale, slug: m.slug, format: m.format }).guide),
  );
  const siteGuides = parsed.flat().map(outlineOf).sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.locale < b.locale ? -1 : 1));
  for (const guides of parsed) {
    for (const guide of guides) {
      const translations = guides.filter((g) => g !== guide);
      const base = `${guide.locale}/${guide.slug}`;
      write(`html/${base}/index.html`, await render.renderHtml(guide, { translations, siteGuides }));
      write(`single/${base}.html`, (await render.renderSingleHtml(guide, { translations, assets: { contentRoot: root } })).html);
      write(`json/${base}.json`, render.renderJson(guide));
      write(`md/${base}.md`, render.renderMarkdown(guide));
      write(`jsonld/${base}.json`, JSON.stringify(render.renderJsonLd(guide)));
    }
  }
  // The site's indexes and its search, as the build makes them.
  for (const locale of Object.values(locales)) write(`html/${locale}/index.html`, render.renderLocaleIndex(locale, siteGuides));
  write('html/index.html', render.renderHomePage(siteGuides));
  const search = await render.buildSearchIndex(path.join(out, 'html'));
  for (const file of search.files) write(file.path, file.data);
  const childCpuMs = childrenCpuMs();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 + childCpuMs, childCpuMs, files: n, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const corpus = corpusOrExit('build');
const wanted = Number(flag('--guides', '2000'));
const formats = flag('--formats', 'html,single,json,md,jsonld');

// ---- the tree: the corpus repeated, same stem in both folders so pairs survive ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-build-'));
const root = path.join(tmp, 'content');
const sources = readSources(corpus);
/** Write the corpus `copies` times under `dir` (each copy with new slugs: `-r<n>`); returns the files. */
const writeCorpus = (dir, copies) => writeCopies(sources, dir, copies);
const copies = Math.ceil(wanted / sources.length);
const files = writeCorpus(root, copies);

// ---- baseline: the bare parse of the same files, in this process ----
const processor = await bareParser(files);
/** One bare parse of every file, in this process: wall and CPU milliseconds. */
const bareParse = () => {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const f of files) processor.parse(fs.readFileSync(f, 'utf8'));
  const cpu = process.cpuUsage(c);
  return { ms: performance.now() - t, cpuMs: (cpu.user + cpu.system) / 1000 };
};
const reps = Math.max(1, Number(flag('--reps', '3')));
let t0;

const child = (out, fmts, cache = 'cache', from = root) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', from, out, fmts, cache], {
    cwd: tmp, // the content cache goes to <tmp>/node_modules/.cache: nothing shared with the repo
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`build child failed with ${r.status}`);
  }
  return JSON.parse(r.stdout);
};

const out = path.join(tmp, 'dist');
/** One run of the one-pass floor in a fresh process, between two bare parses. */
const floorRun = () => {
  const floorOut = path.join(tmp, 'floor');
  fs.rmSync(floorOut, { recursive: true, force: true });
  const before = bareParse();
  const f = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--floor-child', root, floorOut], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const after = bareParse();
  if (f.status !== 0) throw new Error(`floor child failed with ${f.status}: ${f.stderr}`);
  fs.rmSync(floorOut, { recursive: true, force: true });
  const floor = JSON.parse(f.stdout);
  return { floor, ratio: floor.ms / ((before.ms + after.ms) / 2) };
};
/**
 * Each rep: bare parse, cold build (no cache, no output), bare parse; with --floor, then the floor
 * (between two bare parses too), so each rep's cold ÷ floor compares runs a minute apart.
 */
const runs = [];
const floors = [];
for (let r = 0; r < reps; r++) {
  fs.rmSync(path.join(tmp, 'node_modules'), { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
  const before = bareParse();
  const build = child(out, formats);
  const after = bareParse();
  const parse = { ms: (before.ms + after.ms) / 2, cpuMs: (before.cpuMs + after.cpuMs) / 2 };
  runs.push({ build, parse, before, after, ratio: build.ms / parse.ms });
  if (args.includes('--floor')) {
    const f = floorRun();
    floors.push({ ...f, cold: build.ms / f.floor.ms, coldCpu: build.cpuMs / f.floor.cpuMs });
  }
}
const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor((runs.length - 1) / 2)];
const mid = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
// The no-op and one-changed builds follow the last cold build (its output and cache are in place).
const cold = runs[runs.length - 1].build;
const noop = child(out, formats);
const changed = files[0];
fs.appendFileSync(changed, '\n\nOne more sentence written by the benchmark.\n');
const one = child(out, formats);

const ratio = (a, b) => (a / b).toFixed(3);
const mark = (ok) => (ok ? 'ok' : 'MISSED');
const line = (label, r, base, baseName, target, extra) =>
  `  ${label.padEnd(18)} ${r.ms.toFixed(0).padStart(7)} ms wall = ${ratio(r.ms, base.ms)} × ${baseName} (target <= ${target}) ${mark(r.ms / base.ms <= target)}; ` +
  `cpu ${r.cpuMs.toFixed(0)} ms (${(r.childCpuMs ?? 0).toFixed(0)} of it in child processes) = ${ratio(r.cpuMs, base.cpuMs)} × ${baseName}  [${extra}]`;
console.log(`bench/build: ${cold.guides} guides (${sources.length} corpus files × ${copies}), formats ${formats}, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
console.log(`  baseline: bare parse (unified + remark-parse + remark-frontmatter, one thread), just before and just after each cold build`);
runs.forEach((r, i) => {
  const t = r.build.timings;
  console.log(
    `  rep ${i + 1}: parse ${r.before.ms.toFixed(0)} / ${r.after.ms.toFixed(0)} ms; cold build ${r.build.ms.toFixed(0)} ms = ${ratio(r.build.ms, r.parse.ms)} × parse ` +
      `(load ${ratio(t.loadMs, r.parse.ms)} + render ${ratio(t.renderMs, r.parse.ms)}; cpu ${ratio(r.build.cpuMs, r.parse.cpuMs)} × parse cpu)`,
  );
});
console.log(line('cold build (median)', median.build, median.parse, 'parse', 3, `${median.build.written} files, ${median.build.errors} error diagnostics, ${median.build.failed} failed renders; reps ${runs.map((r) => r.ratio.toFixed(2)).join(' / ')}`));
if (floors.length > 0) {
  const floorMedian = [...floors].sort((a, b) => a.ratio - b.ratio)[Math.floor((floors.length - 1) / 2)];
  const cold = mid(floors.map((f) => f.cold));
  const coldCpu = mid(floors.map((f) => f.coldCpu));
  console.log(
    `  floor (one pass)   ${floorMedian.floor.ms.toFixed(0).padStart(7)} ms wall = ${floorMedian.ratio.toFixed(3)} × parse (median; reps ${floors.map((f) => f.ratio.toFixed(2)).join(' / ')}; ` +
      `${floorMedian.floor.files} files, peak RSS ${floorMedian.floor.maxRssMB.toFixed(0)} MB, cpu ${floorMedian.floor.cpuMs.toFixed(0)} ms)`,
  );
  console.log(
    `  cold ÷ floor       median of the reps' ratios (each cold build and its floor a minute apart): wall ${cold.toFixed(3)}, cpu ${coldCpu.toFixed(3)} (target <= 1.15) ${mark(cold <= 1.15)}; ` +
      `reps wall ${floors.map((f) => f.cold.toFixed(2)).join(' / ')}, cpu ${floors.map((f) => f.coldCpu.toFixed(2)).join(' / ')}`,
  );
}
console.log(line('no-op rebuild', noop, cold, 'cold', 0.05, `${noop.written} files written`));
console.log(line('one guide changed', one, cold, 'cold', 0.1, `${one.written} files written, ${one.rendered} units rendered`));
const coldPeak = Math.max(...runs.map((r) => r.build.maxRssMB));
const peak = Math.max(coldPeak, noop.maxRssMB, one.maxRssMB);
console.log(`  peak RSS           ${peak.toFixed(0).padStart(7)} MB (cold ${runs.map((r) => r.build.maxRssMB.toFixed(0)).join(' / ')}, no-op ${noop.maxRssMB.toFixed(0)}, one ${one.maxRssMB.toFixed(0)}) (target < 300 MB) ${mark(peak < 300)}`);

// ---- With --large N: a cold build of the corpus repeated to N guides, against the 2,002-guide cold of this run ----
const large = Number(flag('--large', '0'));
if (large > 0) {
  const bigRoot = path.join(tmp, 'content-large');
  const bigCopies = Math.ceil(large / sources.length);
  writeCorpus(bigRoot, bigCopies);
  fs.rmSync(path.join(tmp, 'node_modules'), { recursive: true, force: true });
  const big = child(path.join(tmp, 'dist-large'), formats, 'cache', bigRoot);
  const r = big.ms / median.build.ms;
  console.log(
    `  large tree         ${big.ms.toFixed(0).padStart(7)} ms wall for ${big.guides} guides (${big.written} files) = ${r.toFixed(2)} × the cold build of ${median.build.guides} (target <= 11) ${mark(r <= 11)}; ` +
      `cpu ${big.cpuMs.toFixed(0)} ms (${big.childCpuMs.toFixed(0)} in child processes) = ${(big.cpuMs / median.build.cpuMs).toFixed(2)} × its cpu; ` +
      `peak RSS ${big.maxRssMB.toFixed(0)} MB (target < 600) ${mark(big.maxRssMB < 600)}`,
  );
  fs.rmSync(path.join(tmp, 'dist-large'), { recursive: true, force: true });
  fs.rmSync(bigRoot, { recursive: true, force: true });
}

// ---- Velite, producing JSON from the same files, against guidekit's JSON-only cold build ----
// Both are timed as whole processes (start-up included), cold (no cache, empty output).
const veliteBin = path.join(here, 'node_modules', 'velite', 'bin', 'velite.js');
if (fs.existsSync(veliteBin)) {
  const jsonOut = path.join(tmp, 'dist-json');
  fs.rmSync(path.join(tmp, 'node_modules'), { recursive: true, force: true });
  t0 = performance.now();
  child(jsonOut, 'json');
  const gkMs = performance.now() - t0;
  t0 = performance.now();
  // cwd = bench/, where velite is installed and its config imports it from.
  const v = spawnSync(process.execPath, [veliteBin, 'build', '--config', 'velite.config.mjs'], {
    cwd: here,
    encoding: 'utf8',
    env: { ...process.env, VELITE_ROOT: root, VELITE_OUT: path.join(tmp, 'velite-out') },
  });
  const veliteMs = performance.now() - t0;
  if (v.status !== 0) {
    console.log(`  velite              failed (exit ${v.status}): ${(v.stderr || v.stdout).trim().split('\n').slice(0, 6).join(' | ')}`);
  } else {
    const count = JSON.parse(fs.readFileSync(path.join(tmp, 'velite-out', 'guides.json'), 'utf8')).length;
    console.log(`  velite 0.4 (json)   ${veliteMs.toFixed(0).padStart(7)} ms for ${count} guides; guidekit json-only cold ${gkMs.toFixed(0)} ms = ${ratio(gkMs, veliteMs)} × velite (target <= 1.0)  ${mark(gkMs / veliteMs <= 1)}`);
  }
} else {
  console.log('  velite              not installed (cd bench && npm i): skipped');
}
fs.rmSync(tmp, { recursive: true, force: true });
