// bench/i18n — `guidekit-i18n lint` work on >= 1,000 translation pairs (the real corpus pairs
// repeated with slight variations in a temporary folder).
//
// Prints each figure as a ratio against a baseline measured in the same run:
//   baseline: read + parse every file of the pairs alone (parseGuide, one thread)
//   lint:     load (discover, read, parse, pair) + every i18n rule     / baseline  (target <= 1.5)
//   rules:    the i18n rules alone, on already-parsed guides           / baseline
//
// Usage: node bench/i18n.mjs [--pairs 1000] [--runs 3]
// Needs the packages built (`pnpm turbo run build`, or `npx tsup` in model, parser, content, i18n).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { args, flag, repo } from './lib.mjs';

const load = (pkg) => import(pathToFileURL(path.join(repo, 'packages', pkg, 'dist/index.js')).href);

const corpus = path.resolve(repo, '../shared/corpus/blog');
// Docs pages (English at the root, locales beside it), repeated the same way, when present.
const docs = path.resolve(repo, '../shared/corpus-docs/starlight');
if (!fs.existsSync(corpus)) {
  console.error(`bench/i18n: no corpus at ${corpus}; nothing to measure.`);
  process.exit(process.env.CI ? 1 : 0);
}
const { parseGuide } = await load('parser');
const { loadContent } = await load('content');
const { lint: lintRun, lintContent, lintTranslations } = await load('i18n');

// ---- the data: corpus pairs, repeated with a small change per copy ----
const wanted = Number(flag('--pairs', '1000'));
const runs = Number(flag('--runs', '3'));
const stem = (file) => file.replace(/\.mdx?$/, '');
const english = new Map(fs.readdirSync(path.join(corpus, 'english')).map((f) => [stem(f), f]));
const pairs = fs
  .readdirSync(path.join(corpus, 'french'))
  .filter((f) => english.has(stem(f)))
  .map((f) => ({ fr: f, en: english.get(stem(f)) }));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-i18n-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, 'french'));
fs.mkdirSync(path.join(root, 'english'));
const files = [];
let made = 0;
for (let copy = 0; made < wanted; copy++) {
  for (const pair of pairs) {
    if (made >= wanted) break;
    // A copy differs by name, title and one added sentence, so no two files are identical.
    const vary = (text, words) => text.replace(/^title: "?/m, (m) => `${m}${copy} `).replace(/\n##### /, `\n${words} ${copy}.\n\n##### `);
    const frText = vary(fs.readFileSync(path.join(corpus, 'french', pair.fr), 'utf8'), 'Copie numéro');
    const enText = vary(fs.readFileSync(path.join(corpus, 'english', pair.en), 'utf8'), 'Copy number');
    const frFile = path.join(root, 'french', `${stem(pair.fr)}-${copy}${path.extname(pair.fr)}`);
    const enFile = path.join(root, 'english', `${stem(pair.en)}-${copy}${path.extname(pair.en)}`);
    fs.writeFileSync(frFile, frText);
    fs.writeFileSync(enFile, enText);
    files.push({ file: frFile, locale: 'fr' }, { file: enFile, locale: 'en' });
    made++;
  }
}

// Docs pairs: every translated page of corpus-docs, copied under new names (a tenth of the pairs).
const docsRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-bench-i18n-docs-'));
process.on('exit', () => fs.rmSync(docsRoot, { recursive: true, force: true }));
const docsFiles = [];
let docsPairCount = 0;
if (fs.existsSync(docs)) {
  const pages = [];
  const walk = (dir, rel) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const sub = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(path.join(dir, entry.name), sub);
      else if (/\.mdx?$/.test(entry.name)) pages.push(sub);
    }
  };
  walk(docs, '');
  const locales = new Set(['fr', 'de', 'es', 'ja']);
  const translated = pages.filter((page) => locales.has(page.split(path.sep)[0]));
  const wantedDocs = Math.max(100, Math.round(wanted / 10));
  let docsPairs = 0;
  for (let copy = 0; docsPairs < wantedDocs && translated.length > 0; copy++) {
    for (const page of translated) {
      if (docsPairs >= wantedDocs) break;
      const [locale, ...rest] = page.split(path.sep);
      const source = path.join(docs, ...rest);
      if (!fs.existsSync(source)) continue;
      const name = rest.join(path.sep).replace(/(\.mdx?)$/, `-${copy}$1`);
      for (const [from, to, loc] of [[source, path.join(docsRoot, name), 'en'], [path.join(docs, page), path.join(docsRoot, locale, name), locale]]) {
        if (fs.existsSync(to)) continue;
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(from, to);
        docsFiles.push({ file: to, locale: loc });
      }
      docsPairs++;
    }
  }
  fs.writeFileSync(path.join(docsRoot, 'guidekit.config.json'), JSON.stringify({ contentRoot: '.', sourceLocale: 'en' }));
  made += docsPairs;
  docsPairCount = docsPairs;
}
const blogRoot = root;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// CPU time of this process is the figure compared: the machine is shared, and wall-clock time
// swings with other people's work; wall-clock is printed too.
const cpuMs = (usage) => (usage.user + usage.system) / 1000;
async function timeAsync(fn) {
  const wall = [];
  const cpu = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    result = await fn();
    cpu.push(cpuMs(process.cpuUsage(c0)));
    wall.push(performance.now() - t0);
  }
  return { ms: median(cpu), wall: median(wall), result };
}
const time = timeAsync;

// Warm the JIT on a few files so the first measured run is not the cold one.
for (const { file, locale } of files.slice(0, 40)) parseGuide(fs.readFileSync(file, 'utf8'), { path: file, locale });

const parse = await time(() => {
  for (const { file, locale } of [...files, ...docsFiles]) parseGuide(fs.readFileSync(file, 'utf8'), { path: file, locale });
});
// The run function users run (`guidekit-i18n lint`): load, rules, settings, directives.
const lint = await timeAsync(async () => {
  const blog = await lintRun(blogRoot, { cache: false, cwd: blogRoot, sourceLocale: 'fr', history: false });
  const site = docsFiles.length > 0 ? await lintRun(docsRoot, { cache: false, cwd: docsRoot, history: false }) : { diagnostics: [] };
  return { diagnostics: [...blog.diagnostics, ...site.diagnostics] };
});
const content = await loadContent(blogRoot, { cache: false, workers: 0, cwd: blogRoot });
const { diagnostics } = lint.result;
const groups = content.translations.map((group) => ({
  slug: group.slug,
  source: group.source ? { guide: group.source, text: content.readSource(group.source) } : undefined,
  translations: group.translations.map((guide) => ({ guide, text: content.readSource(guide) })),
}));
const rulesOnly = await time(() => lintTranslations(groups, { sourceLocale: 'fr', targetLocales: ['en'] }));

const ratio = (ms) => (ms / parse.ms).toFixed(2);
const row = (name, t, note = '') =>
  console.log(`  ${name.padEnd(40)} ${t.ms.toFixed(0).padStart(7)} ms CPU ${t.wall.toFixed(0).padStart(7)} ms wall  ${ratio(t.ms)}${note}`);
console.log(`bench/i18n: ${made} pairs (${files.length + docsFiles.length} files, ${docsPairCount} of them docs pairs), median of ${runs} runs, Node ${process.version}`);
row('baseline: read + parse every file', parse);
row('lint: load + pair + all i18n rules', lint, '  (target <= 1.5)');
row('rules: i18n rules on parsed guides', rulesOnly);
console.log(`  diagnostics: ${diagnostics.length} (${(diagnostics.length / made).toFixed(2)} per pair)`);
