// bench/render — the cost of each @guidekit/render format on the real corpus.
//
// Every figure is a ratio against the bare parse of the same files (parseGuide), measured in
// the same run, so the numbers travel between machines:
//   renderHtml / parse, renderSingleHtml / parse, both for each guide in a row
//   (they share the guide's sanitized sections), renderMarkdown / parse, renderJson / parse, renderJsonLd / parse
//
// Usage: node --expose-gc bench/render.mjs [--rounds 3]
// Needs @guidekit/parser and @guidekit/render built:
//   pnpm --filter @guidekit/parser --filter @guidekit/render build
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 3) || 3;
const load = (pkg) => import(pathToFileURL(path.join(repo, 'packages', pkg, 'dist/index.js')).href);
const { parseGuide } = await load('parser');
const render = await load('render');

const corpus = path.resolve(repo, '../shared/corpus/blog');
if (!fs.existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}`);
  process.exit(1);
}
const files = [];
for (const [folder, locale] of [['french', 'fr'], ['english', 'en']]) {
  for (const name of fs.readdirSync(path.join(corpus, folder)).sort()) {
    if (/\.mdx?$/.test(name)) files.push({ rel: `${folder}/${name}`, locale, text: fs.readFileSync(path.join(corpus, folder, name), 'utf8') });
  }
}

const fresh = () => files.map((f) => parseGuide(f.text, { path: f.rel, locale: f.locale }).guide);

// Best of `rounds` (the machine is shared: the minimum is the least noisy figure). Each round gets
// freshly parsed guides, so render's per-guide cache starts cold, as in a cold build.
async function time(fn, prepare = fresh) {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const input = await prepare();
    // Collect the parse's garbage first, so it is not billed to the render being timed.
    globalThis.gc?.();
    const t0 = performance.now();
    await fn(input);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

// Warm-up: JIT, and shiki's highlighter with PowerShell loaded (created once per process).
for (const g of fresh().slice(0, 5)) await render.renderHtml(g);

const parse = await time(() => fresh(), () => null);
const figures = {
  html: await time(async (guides) => {
    for (const g of guides) await render.renderHtml(g, { translations: guides.filter((t) => t.slug === g.slug) });
  }),
  single: await time(async (guides) => {
    for (const g of guides) await render.renderSingleHtml(g);
  }),
  // A build that renders every format of one guide in a row shares the sanitized sections.
  'html+single': await time(async (guides) => {
    for (const g of guides) {
      await render.renderHtml(g, { translations: guides.filter((t) => t.slug === g.slug) });
      await render.renderSingleHtml(g);
    }
  }),
  md: await time((guides) => {
    for (const g of guides) render.renderMarkdown(g);
  }),
  json: await time((guides) => {
    for (const g of guides) render.renderJson(g);
  }),
  jsonld: await time((guides) => {
    for (const g of guides) render.renderJsonLd(g);
  }),
};

console.log(`bench/render: ${files.length} corpus guides, best of ${rounds}`);
console.log(`  parse (baseline)  ${parse.toFixed(0).padStart(6)} ms   1.00x`);
for (const [name, ms] of Object.entries(figures)) {
  console.log(`  ${name.padEnd(18)}  ${ms.toFixed(0).padStart(6)} ms   ${(ms / parse).toFixed(2)}x parse`);
}
