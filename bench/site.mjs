// bench/site — the HTML format with the reader site (sidebar, previous/next, breadcrumbs, notices,
// search index) against the HTML format as it was before it, on the corpus repeated to >= 2,000
// guides, in the same run:
//   cold `publish --format html` now      / cold `publish --format html` before   (target <= 1.25),
//   wall time and CPU time (the process and the Pagefind binary it waits for), HTML bytes written
//   no-op `publish --format html` now      / cold now                              (target <= 0.05)
// "Before" is a built checkout of an older commit (a git worktree, --base <folder>, default
// /tmp/f-base: `git worktree add --detach /tmp/f-base <commit>`, then `pnpm install --offline`
// and `pnpm turbo run build --filter=@guidekit/publish...` in it). Each build runs in a fresh
// process; the two are interleaved (before, now, before, now…) and the figure is the median of
// the per-rep ratios, since a shared machine's speed drifts within minutes.
//
// Usage: node bench/site.mjs [--guides 2000] [--reps 3] [--base /tmp/f-base] [--now <folder>]
// Needs the packages built here too (`pnpm turbo run build --filter=@guidekit/publish...`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { args, corpusOrExit, flag, readSources, repo, writeCopies } from './lib.mjs';


// ---- child mode: one publish in a fresh process ----
if (args[0] === '--child') {
  const [, checkout, root, out] = args;
  const dist = fs.existsSync(path.join(checkout, 'packages/publish/dist/index.js')) ? 'packages/publish/dist/index.js' : 'packages/build/dist/index.js';
  const mod = await import(pathToFileURL(path.join(checkout, dist)).href);
  const run = mod.publish ?? mod.build;
  const t0 = performance.now();
  const r = await run(root, { out, formats: ['html'] });
  const result = r.result ?? r;
  const ms = performance.now() - t0;
  const pagefind = fs.existsSync(path.join(out, 'html', 'pagefind', 'bundles.json'));
  // CPU time of this process and of the children it waited for (Pagefind's binary), from
  // /proc/self/stat (utime, stime, cutime, cstime in clock ticks): it holds on a loaded machine.
  const ticks = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ').slice(11, 15).map(Number);
  const cpuMs = ticks.reduce((a, b) => a + b, 0) * 10;
  const childCpuMs = (ticks[2] + ticks[3]) * 10;
  const htmlBytes = fs
    .readdirSync(path.join(out, 'html'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .reduce((n, e) => n + fs.statSync(path.join(e.parentPath, e.name)).size, 0);
  process.stdout.write(JSON.stringify({ ms, cpuMs, childCpuMs, htmlBytes, guides: result.guides, written: result.written.length, pagefind, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const corpus = corpusOrExit('site');
const base = path.resolve(flag('--base', '/tmp/f-base'));
if (!fs.existsSync(path.join(base, 'packages'))) {
  console.error(`bench/site: no built checkout at ${base} (see the header of this file)`);
  process.exit(2);
}
// "Now" is this checkout, or a built snapshot of it (--now <folder>: `git archive HEAD | tar -x -C
// <folder>`, install and build as for --base), which other builds in a shared tree cannot change
// under a run.
const nowDir = path.resolve(flag('--now', repo));
const wanted = Number(flag('--guides', '2000'));
const reps = Number(flag('--reps', '3'));

// ---- the tree: the corpus repeated with new slugs, same stem in both folders so pairs survive ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-site-'));
const root = path.join(tmp, 'content');
const sources = readSources(corpus);
writeCopies(sources, root, Math.ceil(wanted / sources.length));

/** One publish of the html format with `checkout`'s code, in a fresh process. */
const publishWith = (checkout, out) => {
  // cwd = the bench's folder: the content cache goes to <tmp>/node_modules/.cache, nothing shared with the repo.
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', checkout, root, out], { cwd: tmp, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`publish failed (${checkout}):\n${r.stderr}`);
  return JSON.parse(r.stdout);
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fresh = (name) => {
  const out = path.join(tmp, name);
  fs.rmSync(out, { recursive: true, force: true });
  // Every cold build starts without the content cache (under <tmp>/node_modules: see publishWith).
  fs.rmSync(path.join(tmp, 'node_modules'), { recursive: true, force: true });
  return out;
};

const ratios = [];
const cpuRatios = [];
const rows = [];
let now;
for (let i = 0; i < reps; i++) {
  const before = publishWith(base, fresh('before'));
  now = publishWith(nowDir, fresh('now'));
  ratios.push(now.ms / before.ms);
  cpuRatios.push(now.cpuMs / before.cpuMs);
  rows.push(
    `  rep ${i + 1} (load ${os.loadavg()[0].toFixed(1)}): before ${before.ms.toFixed(0)} ms wall, ${before.cpuMs} ms CPU (${before.maxRssMB.toFixed(0)} MB), ` +
      `now ${now.ms.toFixed(0)} ms wall, ${now.cpuMs} ms CPU of which ${now.childCpuMs} ms in Pagefind (${now.maxRssMB.toFixed(0)} MB, search index: ${now.pagefind}) → wall ${(now.ms / before.ms).toFixed(3)}, CPU ${(now.cpuMs / before.cpuMs).toFixed(3)}; HTML ${(before.htmlBytes / 1e6).toFixed(1)} → ${(now.htmlBytes / 1e6).toFixed(1)} MB`,
  );
  console.log(rows[rows.length - 1]);
}
const noop = publishWith(nowDir, path.join(tmp, 'now'));
console.log(`bench/site: ${now.guides} guides, html format, node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`);
console.log(`cold html now / before (median of ${reps}): wall ${median(ratios).toFixed(3)}, CPU ${median(cpuRatios).toFixed(3)} (target <= 1.25)`);
console.log(`no-op / cold now: wall ${(noop.ms / now.ms).toFixed(3)}, CPU ${(noop.cpuMs / now.cpuMs).toFixed(3)} (${noop.ms.toFixed(0)} ms, ${noop.written} files written; target <= 0.05)`);
console.log(`peak RSS now: ${now.maxRssMB.toFixed(0)} MB`);
fs.rmSync(tmp, { recursive: true, force: true });
