import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Guide } from '@guidekit/model';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonIndex } from '../src/index.js';
import { corpusGuard, corpusGuides, fixtureGuides, repoRoot } from './helpers.js';

// The schema file the model package ships (generated from the zod schema and guarded there).
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'packages/model/guide.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function expectValid(text: string, where: string): void {
  const ok = validate(JSON.parse(text));
  expect(ok, `${where}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
}

describe('renderJson', () => {
  it('emits fixture guides valid against guide.schema.json, byte-stable', () => {
    for (const g of [...fixtureGuides('site'), ...fixtureGuides('xss-site')]) {
      const text = renderJson(g);
      expectValid(text, g.path);
      expect(text.endsWith('}\n')).toBe(true);
      expect(renderJson(JSON.parse(text) as Guide)).toBe(text);
    }
  });

  it('is compact by default and indented on request, the same data either way', () => {
    const g = fixtureGuides('site')[0] as Guide;
    const compact = renderJson(g);
    const pretty = renderJson(g, { indent: 2 });
    // Compact: one line of JSON and its final newline; indented: a line per member.
    expect(compact.indexOf('\n')).toBe(compact.length - 1);
    expect(pretty.split('\n').length).toBeGreaterThan(20);
    expect(pretty.startsWith('{\n  "slug": ')).toBe(true);
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    expect(pretty.length).toBeGreaterThan(compact.length * 1.5);
    // Nonsense indents fall back to compact rather than throwing.
    expect(renderJson(g, { indent: -3 })).toBe(compact);
    expect(renderJson(g, { indent: Number.NaN })).toBe(compact);
    const index = renderJsonIndex(fixtureGuides('site'), { indent: 2 });
    expect(JSON.parse(index)).toEqual(JSON.parse(renderJsonIndex(fixtureGuides('site'))));
    expect(index.startsWith('{\n  "version": 1')).toBe(true);
  });

  it('is rejected by the validator when a required field is missing (the check can fail)', () => {
    const g = JSON.parse(renderJson(fixtureGuides('site')[0] as Guide)) as Record<string, unknown>;
    delete g['steps'];
    expect(validate(g)).toBe(false);
  });

  it('indexes every guide with its other locales and file paths', () => {
    const guides = fixtureGuides('site');
    const index = JSON.parse(renderJsonIndex(guides)) as { version: number; guides: Record<string, unknown>[] };
    expect(index.version).toBe(1);
    expect(index.guides.map((g) => `${String(g['slug'])}:${String(g['locale'])}`)).toEqual([
      'composants:en',
      'composants:fr',
      'nouveautes-mars:fr',
      'sauvegarde-poste:en',
      'sauvegarde-poste:fr',
    ]);
    const fr = index.guides.find((g) => g['slug'] === 'sauvegarde-poste' && g['locale'] === 'fr');
    expect(fr).toMatchObject({
      title: 'Planifier une sauvegarde du poste de travail',
      kind: 'tutorial',
      steps: 4,
      translations: ['en'],
      files: {
        html: 'html/fr/sauvegarde-poste/index.html',
        single: 'single/fr/sauvegarde-poste.html',
        json: 'json/fr/sauvegarde-poste.json',
        md: 'md/fr/sauvegarde-poste.md',
        jsonld: 'jsonld/fr/sauvegarde-poste.json',
      },
    });
    expect(index.guides.find((g) => g['slug'] === 'nouveautes-mars')).toMatchObject({ kind: 'article', steps: 0, translations: [] });
  });
});

describe.skipIf(!corpusGuard())('renderJson over the corpus', () => {
  it('every corpus guide validates', () => {
    for (const g of corpusGuides()) expectValid(renderJson(g), g.path);
  });
});
