// bench/astro — guidekit's HTML format against Astro 5, the peer users would pick instead, on
// the same generated tree of guides (the real corpus repeated with new slugs: 91 files × 22 =
// 2,002 guides by default).
//
// Prints guidekit ÷ Astro, per rep and as the median over reps, for:
//   cold wall time   a whole `build` process, start-up included, with no cache and no output
//   cold CPU time    user + system time of the process and every process it started
//   no-op rebuild    a second build right after the cold one, nothing changed, caches in place
//   peak RSS         the largest sum of the resident sets of the build's processes (sampled)
// The reps are interleaved (guidekit cold, guidekit no-op, Astro cold, Astro no-op, then again),
// so a machine whose speed drifts drifts for both. Every build is checked to have made one page
// per guide, else the ratio would compare unequal work.
//
// guidekit runs through its CLI, as users run it: `guidekit-docs build <tree> --out <dir>
// --format html` (`--cli` picks another `bin.mjs`, e.g. of an older checkout). Astro runs
// `astro build` in a copy of bench/astro/site/ made in the temporary folder (its own cache and
// `.astro` folder stay there), with node_modules linked to bench/astro/node_modules.
//
// Usage: node bench/astro/bench.mjs [--reps 3] [--guides 2002] [--quick] [--search] [--cli path/to/bin.mjs] [--compare path/to/bin.mjs] [--keep]
//   --search    like for like with guidekit's HTML site, which has a search index: each Astro build
//               is followed by Pagefind over its output (as Starlight does after `astro build`),
//               the same Pagefind 1.6 binary guidekit runs, timed as part of the build
//   --quick     two copies of the corpus (182 guides), one rep: a smoke run
//   --compare   a second guidekit CLI (e.g. a checkout of the core before a change), measured in
//               the same reps, after the first: both against the same Astro builds
// Needs: `cd bench/astro && npm ci`, the packages built (`pnpm turbo run build`), GNU time
// (/usr/bin/time, Debian package `time`) and ../shared/corpus beside the repository.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTree } from './tree.mjs';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = args.includes('--quick');
const wanted = Number(flag('--guides', quick ? '182' : '2002'));
const reps = Math.max(1, Number(flag('--reps', quick ? '1' : '3')));
const cli = path.resolve(flag('--cli', path.join(repo, 'apps/docs/bin.mjs')));
const compare = args.includes('--compare') ? path.resolve(flag('--compare', '')) : undefined;
const astroBin = path.join(here, 'node_modules/astro/astro.js');
const search = args.includes('--search');
const pagefindBin = path.join(repo, 'packages/render/node_modules/pagefind/lib/runner/bin.cjs');
const corpus = path.resolve(repo, '../shared/corpus/blog');

/** Stop with a plain sentence (exit 2: the bench cannot run here). */
const stop = (message) => {
  console.error(`bench/astro: ${message}`);
  process.exit(2);
};
if (!fs.existsSync(corpus)) {
  console.error(`bench/astro: no corpus at ${corpus}; nothing to measure.`);
  process.exit(0);
}
if (!fs.existsSync(astroBin)) stop('Astro is not installed here; run `cd bench/astro && npm ci` first.');
if (!fs.existsSync('/usr/bin/time')) stop('GNU time (/usr/bin/time) is missing; install it with `apt-get install -y time`.');
if (search && !fs.existsSync(pagefindBin)) stop(`no Pagefind at ${pagefindBin} (--search); run \`pnpm install\` at the repository's root.`);
if (!fs.existsSync(cli)) stop(`no guidekit CLI at ${cli}; build the packages first (\`pnpm turbo run build\`).`);
if (compare !== undefined && !fs.existsSync(compare)) stop(`no guidekit CLI at ${compare} (--compare).`);

// ---- the tree, the Astro site and the folders, all in one temporary folder ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-astro-'));
const tree = path.join(tmp, 'content');
const { guides, copies, sources } = makeTree(corpus, tree, wanted);
const site = path.join(tmp, 'site');
fs.cpSync(path.join(here, 'site'), site, { recursive: true });
fs.symlinkSync(path.join(here, 'node_modules'), path.join(site, 'node_modules'), 'dir');
const gkCwd = path.join(tmp, 'guidekit'); // guidekit's cache goes to <cwd>/node_modules/.cache today
const gkOut = path.join(tmp, 'guidekit-out');
const astroOut = path.join(tmp, 'astro-out');
const treeEntries = new Set(fs.readdirSync(tree));
const tmpEntries = new Set([...fs.readdirSync(tmp), 'guidekit', 'guidekit-out', 'astro-out', 'times']);
fs.mkdirSync(path.join(tmp, 'times'));

/**
 * Make the next guidekit build cold: no output, no cache, wherever the build put it (in its
 * working folder, in the tree, or beside them in the temporary folder).
 */
function coldGuidekit() {
  for (const dir of [gkCwd, gkOut]) fs.rmSync(dir, { recursive: true, force: true });
  for (const name of fs.readdirSync(tree)) if (!treeEntries.has(name)) fs.rmSync(path.join(tree, name), { recursive: true, force: true });
  for (const name of fs.readdirSync(tmp)) if (!tmpEntries.has(name)) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  fs.mkdirSync(gkCwd);
}

/** Make the next Astro build cold: no output, no content-layer cache, no generated `.astro`. */
function coldAstro() {
  for (const dir of [astroOut, path.join(site, '.astro'), path.join(site, '.astro-cache'), path.join(site, '.vite-cache')]) fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Guide pages made: files named `index.html` exactly `depth` folders under `dir` that hold a
 * rendered body (a paragraph), so an empty or failed page is not counted.
 */
function countPages(dir, depth) {
  if (!fs.existsSync(dir)) return 0;
  if (depth === 0) {
    const file = path.join(dir, 'index.html');
    return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('<p') ? 1 : 0;
  }
  let n = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) n += countPages(path.join(dir, e.name), depth - 1);
  return n;
}

let runNo = 0;
/** One guidekit build through the CLI `bin`; throws unless it exits 0 with one page per guide. */
async function guidekit(bin, kind) {
  const r = await measure(process.execPath, [bin, 'build', tree, '--out', gkOut, '--format', 'html'], {
    cwd: gkCwd,
    timeFile: path.join(tmp, 'times', `${runNo++}.txt`),
  });
  const pages = countPages(path.join(gkOut, 'html'), 2); // html/<locale>/<slug>/index.html
  if (r.code !== 0 || pages !== guides) {
    throw new Error(`guidekit (${bin}) ${kind} build: exit ${r.code}, ${pages} of ${guides} guide pages\n${r.stderr.slice(-3000)}`);
  }
  return { ...r, pages };
}

/** One `astro build`; throws unless it exits 0 with one page per guide. */
async function astro(kind) {
  const [command, commandArgs] = search
    ? ['/bin/sh', ['-c', '"$0" "$1" build && "$0" "$2" --site "$3" --quiet', process.execPath, astroBin, pagefindBin, astroOut]]
    : [process.execPath, [astroBin, 'build']];
  const r = await measure(command, commandArgs, {
    cwd: site,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_ASTRO_CONTENT: tree, BENCH_ASTRO_OUT: astroOut },
    timeFile: path.join(tmp, 'times', `${runNo++}.txt`),
  });
  const pages = countPages(astroOut, 2); // <locale folder>/<slug>/index.html
  if (r.code !== 0 || pages !== guides) {
    throw new Error(`astro ${kind} build: exit ${r.code}, ${pages} of ${guides} guide pages\n${(r.stderr + r.stdout).slice(-3000)}`);
  }
  return { ...r, pages };
}

/** A cold build then a no-op build of one tool, and its peak RSS over both. */
async function coldThenNoop(cold, build) {
  cold();
  const c = await build('cold');
  const n = await build('no-op');
  return { cold: c, noop: n, rss: Math.max(c.rssMB, n.rssMB) };
}

/** guidekit ÷ Astro for the four figures of one rep. */
const ratiosOf = (g, a) => ({ wall: g.cold.wallMs / a.cold.wallMs, cpu: g.cold.cpuMs / a.cold.cpuMs, noop: g.noop.wallMs / a.noop.wallMs, rss: g.rss / a.rss });

const version = (file) => JSON.parse(fs.readFileSync(file, 'utf8')).version;
const shown = (file) => path.relative(process.cwd(), file) || file;
console.log(
  `bench/astro: ${guides} guides (${sources} corpus files × ${copies}), ${reps} rep(s), node ${process.version}, ${os.cpus().length} cores, ` +
    `load average ${os.loadavg()[0].toFixed(1)}; astro ${version(path.join(here, 'node_modules/astro/package.json'))}, ` +
    `@astrojs/mdx ${version(path.join(here, 'node_modules/@astrojs/mdx/package.json'))}; guidekit CLI ${shown(cli)}` +
    (compare ? `; compared with ${shown(compare)}` : '') +
    (search ? '; Astro builds followed by Pagefind (--search)' : ''),
);
const tools = [{ name: 'guidekit', bin: cli }, ...(compare ? [{ name: 'compare', bin: compare }] : [])];
const rows = [];
try {
  for (let rep = 1; rep <= reps; rep++) {
    const row = { rep, tools: {} };
    for (const t of tools) row.tools[t.name] = await coldThenNoop(coldGuidekit, (kind) => guidekit(t.bin, kind));
    row.astro = await coldThenNoop(coldAstro, astro);
    row.ratios = Object.fromEntries(tools.map((t) => [t.name, ratiosOf(row.tools[t.name], row.astro)]));
    rows.push(row);
    printRep(row);
  }
  for (const t of tools) printSummary(t.name, rows.map((r) => r.ratios[t.name]));
} catch (error) {
  // A build that failed or made fewer pages: say which, with the end of its output, and exit 1.
  console.error(`bench/astro: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (args.includes('--keep')) console.log(`  kept ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
}

/** One line per tool and one of ratios per guidekit for a rep. */
function printRep(row) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  const side = (name, t) =>
    `    ${name.padEnd(8)} cold ${s(t.cold.wallMs).padStart(8)} wall, ${s(t.cold.cpuMs).padStart(8)} cpu; no-op ${s(t.noop.wallMs).padStart(8)} wall, ${s(t.noop.cpuMs)} cpu; ` +
    `peak RSS ${t.rss.toFixed(0)} MB (largest process ${Math.max(t.cold.maxProcMB, t.noop.maxProcMB).toFixed(0)} MB); ${t.cold.pages} + ${t.noop.pages} pages`;
  console.log(`  rep ${row.rep} (load average ${os.loadavg()[0].toFixed(1)})`);
  for (const [name, t] of Object.entries(row.tools)) console.log(side(name, t));
  console.log(side('astro', row.astro));
  for (const [name, r] of Object.entries(row.ratios)) {
    console.log(`    ${name} ÷ astro: cold wall ${r.wall.toFixed(3)}, cold cpu ${r.cpu.toFixed(3)}, no-op ${r.noop.toFixed(3)}, peak RSS ${r.rss.toFixed(3)}`);
  }
}

/**
 * Median and range of each ratio over the reps, beside the figures measured outside the project
 * on 2026-12-03 (`ok` when the median is within the worst of them).
 */
function printSummary(name, all) {
  const recorded = {
    wall: ['cold wall', 0.71, '0.37–0.71, median 0.43'],
    cpu: ['cold cpu', 0.69, '0.58–0.69'],
    noop: ['no-op rebuild', 0.037, '0.023–0.037'],
    rss: ['peak RSS', 0.24, '0.24'],
  };
  console.log(`  ${name} html ÷ astro, median of ${all.length} rep(s) [range]`);
  for (const [key, [label, worst, was]] of Object.entries(recorded)) {
    const v = all.map((r) => r[key]).sort((x, y) => x - y);
    const median = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    console.log(
      `    ${label.padEnd(14)} ${median.toFixed(3)} [${v[0].toFixed(3)}–${v[v.length - 1].toFixed(3)}] (2026-12-03: ${was}) ${median <= worst ? 'ok' : 'MISSED'}`,
    );
  }
}
