import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadContent } from '@guidekit/content';
import { describe, expect, it } from 'vitest';
import { generateDataModules } from '../src/index.js';
import { repoRoot, tempDir, typeErrors } from './helpers.js';

const corpus = path.resolve(repoRoot, '../shared/corpus/blog');
const present = existsSync(corpus);
if (!present) {
  if (process.env.CI) throw new Error(`CI expects the real corpus at ${corpus}`);
  console.warn(`[vite] no corpus at ${corpus}: corpus tests skipped`);
}

describe.skipIf(!present)('the real corpus as data modules', () => {
  it('every guide round-trips through its generated module, and the declarations compile', async () => {
    const content = await loadContent(corpus, { cache: false, workers: 0 });
    expect(content.guides.length).toBeGreaterThan(80);
    const dir = tempDir();
    const out = path.join(dir, 'data');
    for (const file of generateDataModules(content)) {
      mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      writeFileSync(path.join(out, file.path), file.contents);
    }
    const data = await import(pathToFileURL(path.join(out, 'index.js')).href);
    expect(data.guides).toHaveLength(content.guides.length);
    for (const guide of content.guides) {
      // JSON equality: what the module holds is the guide as JSON would carry it.
      expect(data.getGuide(guide.slug, guide.locale)).toEqual(JSON.parse(JSON.stringify(guide)));
    }
    for (const group of content.translations) {
      const got = data.translationsOf(group.slug);
      expect(got.source?.locale).toBe(group.source?.locale);
      expect(got.translations.map((g: { locale: string }) => g.locale)).toEqual(
        group.translations.map((g) => g.locale),
      );
    }
    const first = content.guides[0]!;
    const probe = [
      "import { getGuide, type GuideSlug } from './data/index.js';",
      `const g = getGuide(${JSON.stringify(first.slug)}, ${JSON.stringify(first.locale)});`,
      'const s: GuideSlug = g.slug;',
      '// @ts-expect-error not a slug of the corpus',
      "getGuide('no-such-guide', 'fr');",
      'export { s };',
    ].join('\n');
    expect(typeErrors(dir, probe)).toEqual([]);
  }, 180_000);
});
