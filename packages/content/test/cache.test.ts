import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuideCache, loadContent, type LoadedContent } from '../src/index.js';
import { guide, makeTree } from './helpers.js';

/** Everything a load produced, as text, to compare two loads. */
function snapshot(content: LoadedContent): string {
  return JSON.stringify({ guides: content.guides, translations: content.translations, diagnostics: content.diagnostics });
}

/** The ids the cache's index lists. */
function entries(dir: string): string[] {
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { entries: Record<string, unknown> };
  return Object.keys(index.entries).sort();
}

/** The packs in a cache folder. */
function packs(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.gkp'));
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
    const where = (rel: string) => {
      const at = store.entryLocation(path.join(root, rel));
      if (!at) throw new Error(`no entry for ${rel}`);
      return at;
    };
    const a = where('fr/a.md');
    const b = where('fr/b.md');
    const c = where('fr/c.md');
    const d = where('fr/d.md');
    const pack = Buffer.from(readFileSync(a.pack));
    pack.fill(0x20, a.offset, a.offset + 10); // header garbled
    for (let i = b.offset + b.length - 60; i < b.offset + b.length - 10; i += 7) pack[i] = 0x41 + (i % 26); // payload garbled
    pack.write('\u0000 not an entry', c.offset); // garbage
    writeFileSync(a.pack, pack);
    // d: the index says it is longer than it is (a pack cut short, an index from elsewhere).
    const indexFile = path.join(cache, 'index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8')) as { entries: Record<string, [string, string, number, number]> };
    const dId = Object.keys(index.entries).find((id) => index.entries[id]?.[2] === d.offset) as string;
    (index.entries[dId] as [string, string, number, number])[3] = d.length + pack.length;
    writeFileSync(indexFile, JSON.stringify(index));

    const repaired = await loadContent(root, { cache, workers: 0 });
    expect(repaired.stats).toMatchObject({ parsed: 4, cached: 0, discarded: 4 });
    expect(snapshot(repaired)).toBe(snapshot(clean));
    const third = await loadContent(root, { cache, workers: 0 });
    expect(third.stats).toMatchObject({ parsed: 0, cached: 4, discarded: 0 });
    expect(snapshot(third)).toBe(snapshot(clean));
  });

  it('an unreadable index is an empty cache, rebuilt by the next load', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const cache = path.join(root, '.cache');
    const clean = await loadContent(root, { cache, workers: 0 });
    writeFileSync(path.join(cache, 'index.json'), '{"v": 4, "entries": ');
    const again = await loadContent(root, { cache, workers: 0 });
    expect(again.stats).toMatchObject({ parsed: 2, cached: 0 });
    expect(snapshot(again)).toBe(snapshot(clean));
    expect((await loadContent(root, { cache, workers: 0 })).stats).toMatchObject({ parsed: 0, cached: 2 });
  });

  it('writes one pack per load that parses, merges them past eight, and deletes packs nothing lists', async () => {
    const names = Array.from({ length: 10 }, (_, i) => `fr/g${i}.md`);
    const root = makeTree(Object.fromEntries(names.map((n, i) => [n, guide(`G${i}`)])));
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache, workers: 0 });
    expect(packs(cache)).toHaveLength(1);
    // One edited guide per load: one new pack each, until there are more than eight.
    for (let i = 0; i < 8; i++) {
      writeFileSync(path.join(root, names[i] as string), guide(`G${i} v2`));
      const load = await loadContent(root, { cache, workers: 0 });
      expect(load.stats).toMatchObject({ parsed: 1, cached: 9 });
      expect(packs(cache).length).toBe(i < 7 ? i + 2 : 1);
    }
    expect(entries(cache)).toHaveLength(10);
    const last = await loadContent(root, { cache, workers: 0 });
    expect(last.stats).toMatchObject({ parsed: 0, cached: 10 });
    expect(last.guides.map((g) => g.title)).toEqual([...names.map((_, i) => (i < 8 ? `G${i} v2` : `G${i}`))]);
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
    const at = store.entryLocation('/g/3.md');
    if (!at) throw new Error('no entry');
    const bytes = Buffer.from(readFileSync(at.pack));
    bytes[at.offset + at.length - 1] = 0x79;
    writeFileSync(at.pack, bytes);
    expect(store.readSummary('/g/3.md', 'k3')).toEqual({ status: 'corrupt' });
    // Corrupt entries leave the index: asked again, it is a miss.
    expect(store.readSummary('/g/3.md', 'k3')).toEqual({ status: 'miss' });
  });

  it('two writers at once: each keeps its own pack, the index gets both, the last flush wins a shared entry', () => {
    const dir = path.join(makeTree({}), '.cache');
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    const a = new GuideCache(dir);
    const b = new GuideCache(dir);
    for (const i of [1, 2, 3]) expect(a.writeSync(`/g/${i}.md`, `k${i}`, `"a${i}"`, bytes(`A${i}`))).toBe(true);
    for (const i of [3, 4, 5]) expect(b.writeSync(`/g/${i}.md`, `k${i}`, `"b${i}"`, bytes(`B${i}`))).toBe(true);
    expect(packs(dir)).toHaveLength(2);
    a.flush();
    b.flush(); // reads the index a wrote, adds its own records
    const reader = new GuideCache(dir);
    const summaries = [1, 2, 3, 4, 5].map((i) => {
      const read = reader.read(`/g/${i}.md`, `k${i}`);
      return read.status === 'hit' ? `${read.summary}:${read.payload.toString()}` : read.status;
    });
    expect(summaries).toEqual(['"a1":A1', '"a2":A2', '"b3":B3', '"b4":B4', '"b5":B5']);
    expect(entries(dir)).toHaveLength(5);
    // A pack deleted behind the cache's back: its entries are misses, and the next flush forgets them.
    const at = reader.entryLocation('/g/4.md');
    if (!at) throw new Error('no entry');
    rmSync(at.pack);
    expect(new GuideCache(dir).read('/g/4.md', 'k4')).toEqual({ status: 'miss' });
    const c = new GuideCache(dir);
    expect(c.writeSync('/g/6.md', 'k6', '"c6"', bytes('C6'))).toBe(true);
    c.flush();
    expect(entries(dir)).toHaveLength(3); // 1 and 2 (a's pack), 6 (c's)
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
