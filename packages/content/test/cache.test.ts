import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuideCache, loadContent, type LoadedContent } from '../src/index.js';
import { guide, makeTree } from './helpers.js';

/** Everything a load produced, as text, to compare two loads. */
function snapshot(content: LoadedContent): string {
  return JSON.stringify({ guides: content.guides, translations: content.translations, diagnostics: content.diagnostics });
}

function entries(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => path.join(dir, n));
}

describe('parse cache', () => {
  it('parses nothing on a second load with nothing changed, with identical results', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B'), 'en/a.md': guide('A en') });
    const cache = path.join(root, '.cache');
    const first = await loadContent(root, { cache, workers: 0 });
    expect(first.stats).toMatchObject({ files: 3, parsed: 3, cached: 0, discarded: 0 });
    expect(entries(cache)).toHaveLength(3);
    const second = await loadContent(root, { cache, workers: 0 });
    expect(second.stats).toMatchObject({ files: 3, parsed: 0, cached: 3, discarded: 0 });
    expect(snapshot(second)).toBe(snapshot(first));
  });

  it('re-parses only the files whose content changed', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache, workers: 0 });
    writeFileSync(path.join(root, 'fr/b.md'), guide('B changed'));
    const again = await loadContent(root, { cache, workers: 0 });
    expect(again.stats).toMatchObject({ parsed: 1, cached: 1 });
    expect(again.guides.find((g) => g.path === 'fr/b.md')?.title).toBe('B changed');
    expect(entries(cache)).toHaveLength(2);
  });

  it('re-parses everything when the configured keywords change', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache, workers: 0, cwd: root });
    writeFileSync(path.join(root, 'guidekit.config.json'), JSON.stringify({ keywords: { fr: { step: ['Phase'] } } }));
    expect((await loadContent(root, { cache, workers: 0, cwd: root })).stats).toMatchObject({ parsed: 2, cached: 0 });
  });

  it('detects truncated, garbled and foreign entries, discards them and rebuilds them', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B'), 'fr/c.md': guide('C'), 'fr/d.md': guide('D') });
    const cache = path.join(root, '.cache');
    const clean = await loadContent(root, { cache, workers: 0 });
    const store = new GuideCache(cache);
    const entryOf = (rel: string): string => store.entryPath(path.join(root, rel));

    const a = readFileSync(entryOf('fr/a.md'));
    writeFileSync(entryOf('fr/a.md'), a.subarray(0, Math.floor(a.length / 2))); // truncated
    const b = Buffer.from(readFileSync(entryOf('fr/b.md')));
    for (let i = b.length - 200; i < b.length - 100; i += 7) b[i] = 0x41 + (i % 26); // garbled payload
    writeFileSync(entryOf('fr/b.md'), b);
    writeFileSync(entryOf('fr/c.md'), '\u0000\u0001 not an entry'); // garbage header
    writeFileSync(entryOf('fr/d.md'), ''); // empty

    const repaired = await loadContent(root, { cache, workers: 0 });
    expect(repaired.stats).toMatchObject({ parsed: 4, cached: 0, discarded: 4 });
    expect(snapshot(repaired)).toBe(snapshot(clean));
    const third = await loadContent(root, { cache, workers: 0 });
    expect(third.stats).toMatchObject({ parsed: 0, cached: 4, discarded: 0 });
    expect(snapshot(third)).toBe(snapshot(clean));
  });

  it('readSummary checks the whole entry like read, through one reused buffer, whatever the sizes in turn', () => {
    const root = makeTree({});
    const store = new GuideCache(path.join(root, '.cache'));
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    // Sizes around and beyond the first scratch buffer, in an order that shrinks and grows it.
    const sizes = [10, 300_000, 5, 70_000, 1_000_000, 0, 262_144];
    sizes.forEach((n, i) => {
      expect(store.writeSync(`/g/${i}.md`, `k${i}`, JSON.stringify({ i, n }), encode('x'.repeat(n)))).toBe(true);
    });
    for (const [i, n] of [...sizes.entries(), ...sizes.entries()]) {
      const summary = store.readSummary(`/g/${i}.md`, `k${i}`);
      expect(summary).toEqual({ status: 'hit', summary: JSON.stringify({ i, n }) });
      const whole = store.read(`/g/${i}.md`, `k${i}`);
      expect(whole.status === 'hit' && whole.payload.length).toBe(n);
    }
    expect(store.readSummary('/g/0.md', 'another key')).toEqual({ status: 'miss' });
    expect(store.readSummary('/g/none.md', 'k')).toEqual({ status: 'miss' });
    // A payload byte changed: the summary alone is intact, but the entry is not.
    const file = store.entryPath('/g/3.md');
    const bytes = Buffer.from(readFileSync(file));
    bytes[bytes.length - 1] = 0x79;
    writeFileSync(file, bytes);
    expect(store.readSummary('/g/3.md', 'k3')).toEqual({ status: 'corrupt' });
  });

  it('keeps entries under the nearest node_modules/.cache/guidekit by default', async () => {
    const site = makeTree({ 'content/fr/a.md': guide('A') });
    mkdirSync(path.join(site, 'node_modules'));
    await loadContent(path.join(site, 'content'), { workers: 0 });
    expect(entries(path.join(site, 'node_modules', '.cache', 'guidekit'))).toHaveLength(1);
  });

  it('reads and writes nothing with cache: false', async () => {
    const site = makeTree({ 'content/fr/a.md': guide('A') });
    mkdirSync(path.join(site, 'node_modules'));
    const content = await loadContent(path.join(site, 'content'), { workers: 0, cache: false });
    expect(content.stats.parsed).toBe(1);
    expect(readdirSync(path.join(site, 'node_modules'))).toEqual([]);
  });
});
