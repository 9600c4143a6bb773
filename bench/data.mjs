// bench/data — `guidekit-docs build --format data` against `--format json` alone, on >= 2,000 guides
// (the real corpus repeated). Each figure is a ratio against its baseline, measured in the same run.
//
//   cold data build (no parse cache, empty output) / cold json build          (target <= 1.2)
//   warm data build (parse cache kept, empty output) / warm json build        (render + write only)
//   import dist/data/index.js in Node / read + JSON.parse every dist/json file (loading the result)
//
// Usage: node bench/data.mjs [--guides 2000] [--rounds 2]
// Needs the packages built (`pnpm turbo run build`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { args, corpusOrExit, flag, readSources, repo, writeCopies } from './lib.mjs';


// ---- child mode: one build in a fresh process ----
if (args[0] === '--child') {
  const [, root, out, formats] = args;
  const { publish } = await import(pathToFileURL(path.join(repo, 'packages/publish/dist/index.js')).href);
  const t0 = performance.now();
  const { result } = await publish(root, { out, formats: formats.split(',') });
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, guides: result.guides, written: result.written.length }));
  process.exit(0);
}

// ---- child mode: load the built output, as an app would ----
if (args[0] === '--load') {
  const [, out, kind] = args;
  const t0 = performance.now();
  let count = 0;
  if (kind === 'data') {
    const data = await import(pathToFileURL(path.join(out, 'data/index.js')).href);
    count = data.guides.length;
  } else {
    for (const locale of fs.readdirSync(path.join(out, 'json'))) {
      const dir = path.join(out, 'json', locale);
      if (!fs.statSync(dir).isDirectory()) continue;
      for (const f of fs.readdirSync(dir)) {
        JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
        count++;
      }
    }
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, count }));
  process.exit(0);
}

const corpus = corpusOrExit('data');
if (!fs.existsSync(path.join(repo, 'packages/publish/dist/index.js'))) {
  console.error('bench/data: packages/publish/dist is missing; run `pnpm turbo run build` first.');
  process.exit(1);
}
const wanted = Number(flag('--guides', '2000'));
const rounds = Number(flag('--rounds', '2'));

// ---- the tree: the corpus repeated, same stem in both folders so pairs survive ----
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-data-'));
const root = path.join(tmp, 'content');
const sources = readSources(corpus);
const copies = Math.ceil(wanted / sources.length);
writeCopies(sources, root, copies);

const spawn = (argv) => {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...argv], {
    cwd: tmp, // the content cache goes to <tmp>/node_modules/.cache: nothing shared with the repo
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    throw new Error(`bench child failed with ${r.status}`);
  }
  return JSON.parse(r.stdout);
};
const out = (name) => path.join(tmp, `dist-${name}`);
const fresh = (name, keepCache) => {
  fs.rmSync(out(name), { recursive: true, force: true });
  if (!keepCache) fs.rmSync(path.join(tmp, 'node_modules'), { recursive: true, force: true });
};

// Alternate the two formats, best of `rounds` each, so machine noise hits both alike.
const best = { cold: { json: Infinity, data: Infinity }, warm: { json: Infinity, data: Infinity } };
let guides = 0;
for (let i = 0; i < rounds; i++) {
  for (const fmt of i % 2 ? ['data', 'json'] : ['json', 'data']) {
    fresh(fmt, false);
    const cold = spawn(['--child', root, out(fmt), fmt]);
    guides = cold.guides;
    best.cold[fmt] = Math.min(best.cold[fmt], cold.ms);
    fresh(fmt, true);
    best.warm[fmt] = Math.min(best.warm[fmt], spawn(['--child', root, out(fmt), fmt]).ms);
  }
}
const loadJson = spawn(['--load', out('json'), 'json']);
const loadData = spawn(['--load', out('data'), 'data']);
const bytes = (dir) =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((n, e) => (e.isFile() ? n + fs.statSync(path.join(e.parentPath ?? e.path, e.name)).size : n), 0);

const ratio = (a, b) => (a / b).toFixed(3);
const mark = (ok) => (ok ? 'ok' : 'MISSED');
console.log(`bench/data: ${guides} guides (${sources.length} corpus files × ${copies}), best of ${rounds}, node ${process.version}, ${os.cpus().length} cores`);
console.log(`  cold  json ${best.cold.json.toFixed(0).padStart(7)} ms (baseline)   data ${best.cold.data.toFixed(0).padStart(7)} ms = ${ratio(best.cold.data, best.cold.json)} × json  (target <= 1.2)  ${mark(best.cold.data / best.cold.json <= 1.2)}`);
console.log(`  warm  json ${best.warm.json.toFixed(0).padStart(7)} ms (baseline)   data ${best.warm.data.toFixed(0).padStart(7)} ms = ${ratio(best.warm.data, best.warm.json)} × json  (parse cache kept: render + write only)`);
console.log(`  load  json ${loadJson.ms.toFixed(0).padStart(7)} ms (baseline)   data ${loadData.ms.toFixed(0).padStart(7)} ms = ${ratio(loadData.ms, loadJson.ms)} × json  (${loadJson.count} JSON files parsed vs import of data/index.js with ${loadData.count} guides)`);
console.log(`  size  json ${(bytes(out('json')) / 1e6).toFixed(1).padStart(7)} MB              data ${(bytes(out('data')) / 1e6).toFixed(1).padStart(7)} MB = ${ratio(bytes(out('data')), bytes(out('json')))} × json`);
fs.rmSync(tmp, { recursive: true, force: true });
