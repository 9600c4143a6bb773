// bench/parse — guidekit's parseGuide throughput as a ratio to bare remark on the same strings.
//
// The corpus files are repeated to >= 2,000 files, each copy changed slightly (a number in the
// title) so no cache can answer twice. Both sides parse the very same strings in the same run:
//   bare     = unified().use(remarkParse).use(remarkFrontmatter).parse(text)
//   guidekit = parseGuide(text, { path, locale })   (front matter, sections, steps, hashes...)
// and the figure that travels between machines is guidekit / bare (files/s). Target: >= 0.7.
//
// Usage: node bench/parse.mjs [--files 2000] [--rounds 5]
// Needs @guidekit/parser built: (cd packages/parser && npx tsup)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : Number(args[i + 1]) || dflt;
};
const target = opt('--files', 2000);
const rounds = opt('--rounds', 5);

const parserDir = path.join(repo, 'packages/parser');
const dist = path.join(parserDir, 'dist/index.js');
if (!fs.existsSync(dist)) {
  console.error(`${dist} is missing: build it first with (cd packages/parser && npx tsup)`);
  process.exit(1);
}
const { parseGuide } = await import(pathToFileURL(dist).href);
// The bare side uses the parser's own copies of unified and the remark plugins.
const req = createRequire(path.join(parserDir, 'package.json'));
const load = async (name) => (await import(pathToFileURL(req.resolve(name)).href));
const { unified } = await load('unified');
const remarkParse = (await load('remark-parse')).default;
const remarkFrontmatter = (await load('remark-frontmatter')).default;
const bare = unified().use(remarkParse).use(remarkFrontmatter).freeze();

const corpus = path.resolve(repo, '../shared/corpus/blog');
if (!fs.existsSync(corpus)) {
  console.error(`corpus not found at ${corpus}`);
  process.exit(1);
}
const originals = [];
for (const [folder, locale] of [['french', 'fr'], ['english', 'en']]) {
  for (const name of fs.readdirSync(path.join(corpus, folder)).sort()) {
    if (/\.mdx?$/.test(name)) {
      originals.push({ rel: `${folder}/${name}`, locale, text: fs.readFileSync(path.join(corpus, folder, name), 'utf8') });
    }
  }
}
const files = [];
for (let n = 0; files.length < target; n++) {
  for (const f of originals) {
    if (files.length >= target) break;
    const text = f.text.includes('title: "') ? f.text.replace('title: "', `title: "${n} `) : `${f.text}\n\nCopie ${n}.\n`;
    files.push({ ...f, text });
  }
}
const bytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);

const runBare = () => {
  for (const f of files) bare.parse(f.text);
};
const runGuide = () => {
  for (const f of files) parseGuide(f.text, { path: f.rel, locale: f.locale });
};
const time = (fn) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

// Warm-up: one full pass of each, so both sides run JIT-compiled code.
runBare();
runGuide();

// Interleave the rounds (bare, guidekit, bare, ...) so load on a shared machine hits both
// sides alike; report the median round of each.
const bareMs = [];
const guideMs = [];
for (let r = 0; r < rounds; r++) {
  bareMs.push(time(runBare));
  guideMs.push(time(runGuide));
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const bareRate = (files.length / median(bareMs)) * 1000;
const guideRate = (files.length / median(guideMs)) * 1000;
const ratio = guideRate / bareRate;

console.log(`bench/parse: ${files.length} files (${originals.length} corpus files repeated), ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds, median`);
console.log(`  bare unified+remark-parse+remark-frontmatter  ${bareRate.toFixed(0).padStart(6)} files/s   1.00`);
console.log(`  guidekit parseGuide                           ${guideRate.toFixed(0).padStart(6)} files/s   ${ratio.toFixed(2)}  (target >= 0.70)`);
console.log(`  per round, ms: bare [${bareMs.map((m) => m.toFixed(0)).join(', ')}]  guidekit [${guideMs.map((m) => m.toFixed(0)).join(', ')}]`);
