import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuideCache, loadContent, outlineOf } from '../src/index.js';
import { guide, makeTree } from './helpers.js';

// A build of thousands of guides works from outlines and decodes one guide at a time: these pin
// that the on-demand accessors give exactly what `guides` gives, whatever the cache went through.
describe('guides on demand (outlines, loadGuide, guideJson, imagesOf)', () => {
  const files = {
    'fr/a.md': guide('A', { image: '/img/a.png' }),
    'fr/b.md': guide('B'),
    'en/a.md': guide('A en', { step: 'Step 1: Open it' }),
  };

  for (const mode of ['cache', 'no cache'] as const) {
    it(`gives the same guides as \`guides\`, fresh and from the cache (${mode})`, async () => {
      const root = makeTree(files);
      const cache = mode === 'cache' ? path.join(root, '.cache') : false;
      for (const round of [1, 2]) {
        const content = await loadContent(root, { cache, workers: 0 });
        if (mode === 'cache') expect(content.stats.cached).toBe(round === 1 ? 0 : 3);
        const whole = JSON.parse(JSON.stringify(content.guides));
        for (const g of whole) {
          expect(content.loadGuide(g.path)).toEqual(g);
          expect(JSON.parse(content.guideJson(g.path) ?? 'null')).toEqual(g);
          const bytes = content.guideBytes(g.path);
          expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(g);
          // Its own buffer: transferring it must not detach anything the loader still uses.
          structuredClone(bytes, { transfer: [bytes?.buffer as ArrayBuffer] });
          expect(content.loadGuide(g.path)).toEqual(g);
        }
        expect(content.outlines).toEqual(whole.map(outlineOf));
        expect(content.outlines.every((o) => o.sections.length === 0 && o.steps.every((s) => s.blocks.length + s.images.length + s.code.length === 0))).toBe(
          true,
        );
        expect(content.outlines.map((o) => o.steps.length)).toEqual(whole.map((g: { steps: unknown[] }) => g.steps.length));
        expect(content.imagesOf('fr/a.md').map((u) => u.url)).toEqual(['/img/a.png']);
        expect(content.imagesOf('fr/b.md')).toEqual([]);
        expect(content.loadGuide('fr/nope.md')).toBeUndefined();
        expect(content.guideJson('fr/nope.md')).toBeUndefined();
        expect(content.guideBytes('fr/nope.md')).toBeUndefined();
      }
    });
  }

  it('parses another text of a guide as the load parses its file (parseText), from a warm cache too', async () => {
    const root = makeTree(files);
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache, workers: 0 });
    const content = await loadContent(root, { cache, workers: 0 });
    expect(content.stats.cached).toBe(3);
    const en = content.loadGuide('en/a.md');
    if (!en) throw new Error('no en/a.md');
    // The same text gives the same guide as the load; another text, that text's guide at the same place.
    expect(content.parseText(content.readSource(en) ?? '', en)).toEqual(en);
    const other = content.parseText(guide('A en', { step: 'Step 1: Close it' }), en);
    expect(other).toMatchObject({ path: 'en/a.md', locale: 'en', slug: 'a' });
    expect(other?.steps.map((s) => s.title)).toEqual(['Close it']);
  });

  it('parses a guide again when its cache entry vanished or was damaged after the load', async () => {
    const root = makeTree(files);
    const cache = path.join(root, '.cache');
    const reference = (await loadContent(root, { cache: false, workers: 0 })).guides;
    await loadContent(root, { cache, workers: 0 });
    const content = await loadContent(root, { cache, workers: 0 });
    expect(content.stats.cached).toBe(3);
    const store = new GuideCache(cache);
    const b = store.entryLocation(path.join(root, 'fr/b.md'));
    if (!b) throw new Error('no entry for fr/b.md');
    // b damaged, then the whole cache folder removed (a cleared cache).
    const entry = Buffer.from(readFileSync(b.pack));
    entry.fill(0x41, b.offset, b.offset + b.length);
    writeFileSync(b.pack, entry);
    expect(content.loadGuide('fr/b.md')).toEqual(reference.find((g) => g.path === 'fr/b.md'));
    rmSync(cache, { recursive: true });
    expect(content.loadGuide('fr/a.md')).toEqual(reference.find((g) => g.path === 'fr/a.md'));
    expect(content.guideJson('en/a.md')).toBe(JSON.stringify(reference.find((g) => g.path === 'en/a.md')));
  });

  it('returns a new object on each call: nothing is kept for the caller', async () => {
    const root = makeTree(files);
    const content = await loadContent(root, { cache: path.join(root, '.cache'), workers: 0 });
    const first = content.loadGuide('fr/a.md');
    expect(content.loadGuide('fr/a.md')).not.toBe(first);
    expect(content.loadGuide('fr/a.md')).toEqual(first);
  });
});

describe('raw sources after the load', () => {
  it('reads a guide text from disk when asked, and remembers it', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const content = await loadContent(root, { cache: false, workers: 0 });
    expect(content.readSource('fr/a.md')).toBe(guide('A'));
    writeFileSync(path.join(root, 'fr/a.md'), guide('A changed'));
    // Remembered from the first read; a file never asked for is read as it is now.
    expect(content.readSource('fr/a.md')).toBe(guide('A'));
    writeFileSync(path.join(root, 'fr/b.md'), guide('B changed'));
    expect(content.readSource(content.guides[1] ?? 'x')).toBe(guide('B changed'));
    expect([...content.sources.keys()].sort()).toEqual(['fr/a.md', 'fr/b.md']);
    expect(content.readSource('fr/none.md')).toBeUndefined();
  });
});
