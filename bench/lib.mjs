// What every bench script shares: where the repo is, its command-line flags, the corpus (or a
// clean exit when it is absent), and the corpus repeated into a tree of a given size.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The bench folder. */
export const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const repo = path.resolve(here, '..');

/** The script's arguments (without `node` and the script path). */
export const args = process.argv.slice(2);

/** The value after `name` in the arguments, else `fallback`. */
export function flag(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}

/**
 * The blog corpus folder. Absent, the bench says so and exits: 0 locally (nothing to measure),
 * 1 under CI (where it must be there).
 */
export function corpusOrExit(bench) {
  const corpus = path.resolve(repo, '../shared/corpus/blog');
  if (!fs.existsSync(corpus)) {
    console.error(`bench/${bench}: no corpus at ${corpus}; nothing to measure.`);
    process.exit(process.env.CI ? 1 : 0);
  }
  return corpus;
}

/** The corpus guides (`french`, then `english`, each sorted): `{ lang, name, text }`. */
export function readSources(corpus) {
  const sources = [];
  for (const lang of ['french', 'english']) {
    for (const name of fs.readdirSync(path.join(corpus, lang)).sort()) {
      if (/\.mdx?$/.test(name)) sources.push({ lang, name, text: fs.readFileSync(path.join(corpus, lang, name), 'utf8') });
    }
  }
  return sources;
}

/**
 * Write `sources` `copies` times under `dir`, each copy with new slugs (`-r<n>`) and the same stem
 * in both locale folders so translation pairs survive; returns the files written.
 */
export function writeCopies(sources, dir, copies) {
  const written = [];
  for (let r = 0; r < copies; r++) {
    for (const s of sources) {
      const folder = path.join(dir, s.lang);
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, s.name.replace(/(\.mdx?)$/, `-r${r}$1`));
      fs.writeFileSync(file, s.text);
      written.push(file);
    }
  }
  return written;
}

/**
 * The baseline parser of the benches: unified + remark-parse + remark-frontmatter as
 * @guidekit/parser resolves them, in this process, warmed on the first 50 of `files`.
 */
export async function bareParser(files) {
  const req = createRequire(path.join(repo, 'packages/parser/package.json'));
  const { unified } = await import(pathToFileURL(req.resolve('unified')).href);
  const remarkParse = (await import(pathToFileURL(req.resolve('remark-parse')).href)).default;
  const remarkFrontmatter = (await import(pathToFileURL(req.resolve('remark-frontmatter')).href)).default;
  const processor = unified().use(remarkParse).use(remarkFrontmatter);
  for (const f of files.slice(0, 50)) processor.parse(fs.readFileSync(f, 'utf8')); // warm the JIT
  return processor;
}
