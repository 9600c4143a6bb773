import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateDataModules, guideModulePath } from '../src/index.js';
import { makeGuide, tempDir, typeErrors } from './helpers.js';

const fr = makeGuide('setup-mfa', 'fr', 'Activer la MFA');
const en = makeGuide('setup-mfa', 'en', 'Enable MFA');
const news = makeGuide('news-2026', 'fr', 'Nouveautés', 0);
const odd = makeGuide('a/../b c', 'fr', 'Nom étrange');

function writeData(dir: string, guides = [en, fr, news, odd]): string {
  const out = path.join(dir, 'data');
  for (const file of generateDataModules({ guides, sourceLocale: 'fr' })) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
  return out;
}

describe('generateDataModules', () => {
  it('loads from Node when a slug has characters a URL decodes (%58 is X)', async () => {
    const tricky = makeGuide('2025-03-XX-%58-notes', 'fr', 'Notes');
    const out = writeData(tempDir(), [tricky, fr]);
    const data = await import(pathToFileURL(path.join(out, 'index.js')).href);
    expect(data.getGuide('2025-03-XX-%58-notes', 'fr').title).toBe('Notes');
    expect((await data.loadGuide('2025-03-XX-%58-notes', 'fr')).title).toBe('Notes');
  });

  it('lays out one module per guide plus the index and the lazy catalogue', () => {
    const paths = generateDataModules({ guides: [en, fr, news, odd], sourceLocale: 'fr' }).map(
      (f) => f.path,
    );
    expect(paths).toMatchInlineSnapshot(`
      [
        "en/setup-mfa.d.ts",
        "en/setup-mfa.js",
        "fr/a-b-c-9f3fd56c22.d.ts",
        "fr/a-b-c-9f3fd56c22.js",
        "fr/news-2026.d.ts",
        "fr/news-2026.js",
        "fr/setup-mfa.d.ts",
        "fr/setup-mfa.js",
        "index.d.ts",
        "index.js",
        "lazy.d.ts",
        "lazy.js",
      ]
    `);
  });

  it('never lets two slugs share a file, even on a case-insensitive disk', () => {
    const upper = guideModulePath({ slug: 'Setup', locale: 'en-US' });
    expect(upper).toMatch(/^en-US\/setup-[0-9a-f]{10}$/);
    expect(guideModulePath({ slug: 'setup', locale: 'en-US' })).toBe('en-US/setup');
    expect(guideModulePath({ slug: 'SETUP', locale: 'en-US' }).toLowerCase()).not.toBe(
      upper.toLowerCase(),
    );
    expect(guideModulePath({ slug: 'café', locale: 'fr' })).toMatch(/^fr\/cafe-[0-9a-f]{10}$/);
    // Nothing a URL or a shell would read differently.
    for (const slug of ['100%', 'a b', '../x', 'X%58', '日本語'])
      expect(guideModulePath({ slug, locale: 'fr' })).toMatch(/^fr\/[a-z0-9-]+$/);
  });

  it('gives the same output whatever order the guides come in', () => {
    const a = generateDataModules({ guides: [en, fr, news], sourceLocale: 'fr' });
    const b = generateDataModules({ guides: [news, fr, en], sourceLocale: 'fr' });
    expect(b).toEqual(a);
  });

  it('exports guides, getGuide, translationsOf and loadGuide that work when imported', async () => {
    const out = writeData(tempDir());
    const data = await import(pathToFileURL(path.join(out, 'index.js')).href);
    expect(
      data.guides.map((g: { slug: string; locale: string }) => `${g.locale}/${g.slug}`),
    ).toEqual(['fr/a/../b c', 'fr/news-2026', 'en/setup-mfa', 'fr/setup-mfa']);
    expect(data.getGuide('setup-mfa', 'en')).toEqual(en);
    expect(data.getGuide('setup-mfa', 'de')).toBeUndefined();
    const group = data.translationsOf('setup-mfa');
    expect(group.source).toEqual(fr);
    expect(group.translations).toEqual([en]);
    expect(data.translationsOf('news-2026').translations).toEqual([]);
    expect(data.sourceLocale).toBe('fr');
    expect(await data.loadGuide('a/../b c', 'fr')).toEqual(odd);
    expect(await data.loadGuide('nope', 'fr')).toBeUndefined();
    expect(data.catalog).toContainEqual({
      slug: 'news-2026',
      locale: 'fr',
      title: 'Nouveautés',
      kind: 'article',
      steps: 0,
    });
  });

  it('keeps content pairing when content provides it (a source that is not in sourceLocale)', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'data');
    const files = generateDataModules({
      guides: [en, fr],
      translations: [{ slug: 'setup-mfa', source: en, translations: [fr] }],
      sourceLocale: 'fr',
    });
    for (const file of files) {
      mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      writeFileSync(path.join(out, file.path), file.contents);
    }
    const data = await import(pathToFileURL(path.join(out, 'index.js')).href);
    expect(data.translationsOf('setup-mfa').source.locale).toBe('en');
    expect(
      data.translationsOf('setup-mfa').translations.map((g: { locale: string }) => g.locale),
    ).toEqual(['fr']);
  });

  it('types slugs and locales literally: a wrong slug or locale is a compile error', () => {
    const dir = tempDir();
    writeData(dir);
    const ok = [
      "import { getGuide, guides, translationsOf, loadGuide, type GuideSlug, type Guide } from './data/index.js';",
      "import one from './data/fr/setup-mfa.js';",
      "const g = getGuide('setup-mfa', 'en');",
      "const slug: 'setup-mfa' = g.slug;",
      "const locale: 'en' = g.locale;",
      'const asGuide: Guide = g;',
      "const title: string = g.steps[0]?.title ?? '';",
      'const all: readonly Guide[] = guides;',
      "const s: GuideSlug = 'news-2026';",
      "const fromModule: 'fr' = one.locale;",
      "const src = translationsOf('setup-mfa').source?.title;",
      "void loadGuide('news-2026', 'fr').then((x) => x.kind);",
      '// @ts-expect-error unknown slug',
      "getGuide('no-such-guide', 'fr');",
      '// @ts-expect-error news-2026 exists in fr only',
      "getGuide('news-2026', 'en');",
      '// @ts-expect-error not a slug',
      "const bad: GuideSlug = 'nope';",
      'export { slug, locale, asGuide, title, all, s, fromModule, src, bad };',
    ].join('\n');
    expect(typeErrors(dir, ok)).toEqual([]);
    // The same misuse without the expectation must fail, so the check above cannot pass vacuously.
    const errors = typeErrors(
      dir,
      "import { getGuide } from './data/index.js';\ngetGuide('no-such-guide', 'fr');\n",
    );
    expect(errors.map((e) => [e.code, e.line])).toEqual([[2345, 2]]);
  }, 180_000);
});
