import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { englishPrinter, frenchNews, frenchPrinter, publishTree, listTree, standardTree, tempTree, writeTree } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** `@guidekit/model`'s source, so declarations in a temp folder resolve without node_modules. */
const modelSource = path.resolve(here, '../../model/src/index.ts');

async function run(dir: string, formats = ['data']) {
  return (await publishTree(dir, { formats })).result;
}

/** Compile `probe` next to the generated modules; returns [code, line] of each error. */
function typeErrors(dir: string, probe: string): [number, number][] {
  const file = path.join(dir, 'probe.ts');
  fs.writeFileSync(file, probe);
  const program = ts.createProgram([file], {
    strict: true,
    exactOptionalPropertyTypes: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    // `@guidekit/model`'s sources use the global `URL` (Node and browsers both have it).
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    noEmit: true,
    skipLibCheck: true,
    paths: { '@guidekit/model': [modelSource] },
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d): [number, number] => [d.code, d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0]);
}

describe('--format data', () => {
  test('writes one module per guide, the index and the lazy catalogue', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    expect(listTree(path.join(dir, 'dist'))).toEqual([
      'data/en/ajouter-imprimante.d.ts',
      'data/en/ajouter-imprimante.js',
      'data/fr/ajouter-imprimante.d.ts',
      'data/fr/ajouter-imprimante.js',
      'data/fr/nouveautes-mars.d.ts',
      'data/fr/nouveautes-mars.js',
      'data/guide.d.ts',
      'data/index.d.ts',
      'data/index.js',
      'data/lazy.d.ts',
      'data/lazy.js',
    ]);
  });

  test('the modules hold the same guides as the JSON format, paired by source locale', async () => {
    const dir = tempTree(standardTree());
    await run(dir, ['json', 'data']);
    const data = await import(pathToFileURL(path.join(dir, 'dist/data/index.js')).href);
    const keys = data.guides.map((g: { locale: string; slug: string }) => `${g.locale}/${g.slug}`);
    expect(keys).toEqual(['en/ajouter-imprimante', 'fr/ajouter-imprimante', 'fr/nouveautes-mars']);
    for (const key of keys) {
      const fromJson = JSON.parse(fs.readFileSync(path.join(dir, `dist/json/${key}.json`), 'utf8'));
      const [locale, slug] = key.split('/');
      expect(data.getGuide(slug, locale)).toEqual(fromJson);
    }
    expect(data.getGuide('ajouter-imprimante', 'en').title).toBe('Add a network printer');
    const group = data.translationsOf('ajouter-imprimante');
    expect(group.source.locale).toBe('fr');
    expect(group.translations.map((g: { locale: string }) => g.locale)).toEqual(['en']);
    const lazy = await import(pathToFileURL(path.join(dir, 'dist/data/lazy.js')).href);
    expect((await lazy.loadGuide('nouveautes-mars', 'fr')).slug).toBe('nouveautes-mars');
  });

  test('declares literal slugs and locales: an unknown slug is a type error', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    const ok = [
      "import { getGuide, guides, type GuideSlug } from './dist/data/index.js';",
      "import fr from './dist/data/fr/nouveautes-mars.js';",
      "const en: 'en' = getGuide('ajouter-imprimante', 'en').locale;",
      "const slug: GuideSlug = 'nouveautes-mars';",
      'const n: number = guides.length + fr.steps.length;',
      '// @ts-expect-error no such guide',
      "getGuide('no-such-guide', 'fr');",
      '// @ts-expect-error nouveautes-mars has no English version',
      "getGuide('nouveautes-mars', 'en');",
      'export { en, slug, n };',
    ].join('\n');
    expect(typeErrors(dir, ok)).toEqual([]);
    expect(typeErrors(dir, "import { getGuide } from './dist/data/index.js';\ngetGuide('no-such-guide', 'fr');\n")).toEqual([[2345, 2]]);
  }, 180_000);

  test('types the front matter fields guidekit.config.json declares, in the index and in each guide module', async () => {
    const withFields = (text: string) => text.replace(/^---\n/, '---\ndifficulty: easy\nminutes: 5\n');
    const fields = { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] }, minutes: { type: 'integer' } }, required: ['difficulty'] };
    const dir = tempTree({
      ...standardTree(),
      'content/fr/ajouter-imprimante.md': withFields(frenchPrinter()),
      'content/en/ajouter-imprimante.md': withFields(englishPrinter()),
      'content/fr/nouveautes-mars.md': withFields(frenchNews()),
      'content/guidekit.config.json': JSON.stringify({ sourceLocale: 'fr', frontmatter: fields }),
    });
    const { diagnostics } = (await publishTree(dir, { formats: ['data'] })).result;
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ok = [
      "import { getGuide } from './dist/data/index.js';",
      "import mars from './dist/data/fr/nouveautes-mars.js';",
      "const level: 'easy' | 'hard' = getGuide('ajouter-imprimante', 'en').frontmatter.extra.difficulty;",
      'const minutes: number | undefined = mars.frontmatter.extra.minutes;',
      'export { level, minutes };',
    ].join('\n');
    expect(typeErrors(dir, ok)).toEqual([]);
    // A value outside the declared enum is a type error (TS2322) at its line.
    const wrong =
      "import { getGuide } from './dist/data/index.js';\nconst level: 'medium' = getGuide('nouveautes-mars', 'fr').frontmatter.extra.difficulty;\nexport { level };\n";
    expect(typeErrors(dir, wrong)).toEqual([[2322, 2]]);
  }, 180_000);

  test('is incremental: a title edit rewrites that guide module and the catalogue, nothing else', async () => {
    const dir = tempTree(standardTree());
    await run(dir);
    const again = await run(dir);
    expect(again.written).toEqual([]);
    writeTree(dir, { 'content/en/ajouter-imprimante.md': englishPrinter('Add a shared printer') });
    const edited = await run(dir);
    // Declarations and the index only name slugs and locales, which did not change.
    expect([...edited.written].sort()).toEqual(['data/en/ajouter-imprimante.js', 'data/lazy.js']);
    const text = fs.readFileSync(path.join(dir, 'dist/data/en/ajouter-imprimante.js'), 'utf8');
    expect(text).toContain('Add a shared printer');
    expect(fs.readFileSync(path.join(dir, 'dist/data/lazy.js'), 'utf8')).toContain('Add a shared printer');
  });
});
