import { mkdirSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuideCache, loadContent, type LoadedContent } from '../src/index.js';
import { guide, makeTree } from './helpers.js';

/** Everything a load produced, as text, to compare two loads. */
function snapshot(content: LoadedContent): string {
  return JSON.stringify({ guides: content.guides, translations: content.translations, diagnostics: content.diagnostics });
}

/** The entry files of a cache folder (one per guide). */
function entries(dir: string): string[] {
  return readdirSync(path.join(dir, 'v5'))
    .filter((n) => n.endsWith('.gke'))
    .sort();
}

/** The entry file of a guide, through the cache's own lookup. */
function entryFile(cache: string, absPath: string): string {
  const at = new GuideCache(cache).entryLocation(absPath);
  if (!at) throw new Error(`no entry for ${absPath}`);
  return at.pack;
}

describe('parse cache', () => {
  it('parses nothing on a second load with nothing changed, with identical results', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B'), 'en/a.md': guide('A en') });
    const cache = path.join(root, '.cache');
    const first = await loadContent(root, { cache });
    expect(first.stats).toMatchObject({ files: 3, parsed: 3, cached: 0, discarded: 0 });
    expect(entries(cache)).toHaveLength(3);
    const second = await loadContent(root, { cache });
    expect(second.stats).toMatchObject({ files: 3, parsed: 0, cached: 3, discarded: 0 });
    expect(snapshot(second)).toBe(snapshot(first));
  });

  it('re-parses only the files whose content changed; an edited guide replaces its own entry', async () => {
    const names = Array.from({ length: 4 }, (_, i) => `fr/g${i}.md`);
    const root = makeTree(Object.fromEntries(names.map((n, i) => [n, guide(`G${i}`)])));
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache });
    for (const round of [1, 2, 3]) {
      writeFileSync(path.join(root, 'fr/g1.md'), guide(`G1 v${round}`));
      const again = await loadContent(root, { cache });
      expect(again.stats).toMatchObject({ parsed: 1, cached: 3 });
      expect(again.guides.find((g) => g.path === 'fr/g1.md')?.title).toBe(`G1 v${round}`);
      expect(entries(cache)).toHaveLength(4);
    }
  });

  it('re-parses everything when the configured keywords change', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache, cwd: root });
    writeFileSync(path.join(root, 'guidekit.config.json'), JSON.stringify({ keywords: { fr: { step: ['Phase'] } } }));
    expect((await loadContent(root, { cache, cwd: root })).stats).toMatchObject({ parsed: 2, cached: 0 });
  });

  it('discards torn, garbled and foreign entries at load, rebuilds them, and gives the same result', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `fr/${n}.md`);
    const root = makeTree(Object.fromEntries(names.map((n) => [n, guide(n.toUpperCase())])));
    const cache = path.join(root, '.cache');
    const clean = await loadContent(root, { cache });
    const file = (rel: string): string => entryFile(cache, path.join(root, rel));
    const damage = (rel: string, change: (bytes: Buffer) => Buffer): void => writeFileSync(file(rel), change(Buffer.from(readFileSync(file(rel)))));
    damage('fr/a.md', (b) => b.fill(0x20, 0, 10)); // header garbled
    damage('fr/b.md', (b) => b.subarray(0, Math.floor(b.length / 2))); // cut short (a torn write)
    damage('fr/c.md', () => Buffer.from('\u0000 not an entry')); // garbage
    damage('fr/d.md', (b) => Buffer.concat([b, Buffer.from('more')])); // longer than its header says
    damage('fr/e.md', (b) => b.fill(0x41, b.indexOf(10) + 2, b.indexOf(10) + 12)); // summary garbled
    writeFileSync(file('fr/f.md'), ''); // empty
    const repaired = await loadContent(root, { cache });
    expect(repaired.stats).toMatchObject({ parsed: 6, cached: 0, discarded: 6 });
    expect(snapshot(repaired)).toBe(snapshot(clean));
    const third = await loadContent(root, { cache });
    expect(third.stats).toMatchObject({ parsed: 0, cached: 6, discarded: 0 });
    expect(snapshot(third)).toBe(snapshot(clean));
  });

  it('finds a garbled payload when the guide is read: parses it again, deletes the entry, the next load rewrites it', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const cache = path.join(root, '.cache');
    const clean = await loadContent(root, { cache });
    const b = entryFile(cache, path.join(root, 'fr/b.md'));
    const bytes = Buffer.from(readFileSync(b));
    bytes.fill(0x41, bytes.length - 40, bytes.length - 20);
    writeFileSync(b, bytes);
    // Only the summary is read at load: the payload is checked when the guide is decoded.
    const load = await loadContent(root, { cache });
    expect(load.stats).toMatchObject({ parsed: 0, cached: 2 });
    expect(snapshot(load)).toBe(snapshot(clean));
    expect(entries(cache)).toHaveLength(1);
    const next = await loadContent(root, { cache });
    expect(next.stats).toMatchObject({ parsed: 1, cached: 1 });
    expect(snapshot(next)).toBe(snapshot(clean));
  });

  it('a cut-short entry at any length is a miss or a discard, never a crash nor a wrong guide', async () => {
    const root = makeTree({ 'fr/a.md': guide('A', { image: '/img/a.png' }) });
    const cache = path.join(root, '.cache');
    const clean = snapshot(await loadContent(root, { cache }));
    const file = entryFile(cache, path.join(root, 'fr/a.md'));
    const whole = readFileSync(file);
    for (let length = 0; length < whole.length; length += Math.max(1, Math.floor(whole.length / 40))) {
      writeFileSync(file, whole.subarray(0, length));
      const load = await loadContent(root, { cache });
      expect(load.stats).toMatchObject({ parsed: 1, cached: 0 });
      expect(snapshot(load)).toBe(clean);
      expect(readFileSync(file).equals(whole)).toBe(true);
    }
  });

  it('readSummary reads the header and summary whatever their sizes; read checks the whole entry', () => {
    const store = new GuideCache(path.join(makeTree({}), '.cache'));
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    // Summaries and payloads around and beyond the first read (64 KiB), in an order that grows it.
    const sizes = [10, 300_000, 5, 70_000, 1_000_000, 0, 65_536];
    sizes.forEach((n, i) => {
      expect(store.writeSync(`/g/${i}.md`, `k${i}`, JSON.stringify({ i, pad: 's'.repeat(n) }), encode('x'.repeat(n)))).toBe(true);
    });
    for (const [i, n] of [...sizes.entries(), ...sizes.entries()]) {
      expect(store.readSummary(`/g/${i}.md`, `k${i}`)).toEqual({ status: 'hit', summary: JSON.stringify({ i, pad: 's'.repeat(n) }) });
      const whole = store.read(`/g/${i}.md`, `k${i}`);
      expect(whole.status === 'hit' && whole.payload.length).toBe(n);
    }
    expect(store.readSummary('/g/0.md', 'another key')).toEqual({ status: 'miss' });
    expect(store.read('/g/0.md', 'another key')).toEqual({ status: 'miss' });
    expect(store.readSummary('/g/none.md', 'k')).toEqual({ status: 'miss' });
    // A payload byte changed: the summary is intact, the entry is not; read deletes it.
    const at = store.entryLocation('/g/3.md');
    if (!at) throw new Error('no entry');
    const bytes = Buffer.from(readFileSync(at.pack));
    bytes[at.length - 1] = 0x79;
    writeFileSync(at.pack, bytes);
    expect(store.readSummary('/g/3.md', 'k3').status).toBe('hit');
    expect(store.read('/g/3.md', 'k3')).toEqual({ status: 'corrupt' });
    expect(store.readSummary('/g/3.md', 'k3')).toEqual({ status: 'miss' });
  });

  it('two writers at once: every entry is whole, the last write of a shared one wins', () => {
    const dir = path.join(makeTree({}), '.cache');
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    const a = new GuideCache(dir);
    const b = new GuideCache(dir);
    for (const i of [1, 2, 3]) expect(a.writeSync(`/g/${i}.md`, `k${i}`, `"a${i}"`, bytes(`A${i}`))).toBe(true);
    for (const i of [3, 4, 5]) expect(b.writeSync(`/g/${i}.md`, `k${i}`, `"b${i}"`, bytes(`B${i}`))).toBe(true);
    const reader = new GuideCache(dir);
    const read = [1, 2, 3, 4, 5].map((i) => {
      const r = reader.read(`/g/${i}.md`, `k${i}`);
      return r.status === 'hit' ? `${r.summary}:${r.payload.toString()}` : r.status;
    });
    expect(read).toEqual(['"a1":A1', '"a2":A2', '"b3":B3', '"b4":B4', '"b5":B5']);
    expect(entries(dir)).toHaveLength(5);
  });

  it('deletes what a killed write left once it is stale, and the pack cache this replaced', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const cache = path.join(root, '.cache');
    await loadContent(root, { cache });
    const v5 = path.join(cache, 'v5');
    const [first] = entries(cache);
    writeFileSync(path.join(v5, `${first}.1a2b3c4d`), 'half an entry'); // a temporary file of a killed write
    writeFileSync(path.join(v5, `${first}.5e6f7a8b`), 'another load, still writing');
    const old = (Date.now() - 3_600_000) / 1000;
    utimesSync(path.join(v5, `${first}.1a2b3c4d`), old, old);
    for (const name of ['index.json', 'pack-1-a-b.gkp']) writeFileSync(path.join(cache, name), '{}');
    mkdirSync(path.join(cache, 'v4'));
    writeFileSync(path.join(root, 'fr/a.md'), guide('A changed'));
    const load = await loadContent(root, { cache });
    expect(load.stats).toMatchObject({ parsed: 1, cached: 1 });
    expect(readdirSync(cache)).toEqual(['v5']);
    expect(readdirSync(v5).filter((n) => !n.endsWith('.gke'))).toEqual([`${first}.5e6f7a8b`]);
  });

  it('keeps entries under the nearest node_modules/.cache/guidekit by default', async () => {
    const site = makeTree({ 'content/fr/a.md': guide('A') });
    mkdirSync(path.join(site, 'node_modules'));
    await loadContent(path.join(site, 'content'));
    expect(entries(path.join(site, 'node_modules', '.cache', 'guidekit'))).toHaveLength(1);
  });

  it('reads and writes nothing with cache: false', async () => {
    const site = makeTree({ 'content/fr/a.md': guide('A') });
    mkdirSync(path.join(site, 'node_modules'));
    const content = await loadContent(path.join(site, 'content'), { cache: false });
    expect(content.stats.parsed).toBe(1);
    expect(readdirSync(path.join(site, 'node_modules'))).toEqual([]);
    expect(statSync(path.join(site, 'node_modules')).isDirectory()).toBe(true);
  });
});
