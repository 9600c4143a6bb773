import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuideCache, GuidekitConfigSchema } from '../src/index.js';
import { parseEntries } from '../src/lib/parse-stage.js';
import { entryKey, readSources } from '../src/lib/read.js';
import { guide, makeTree } from './helpers.js';

/** The read stage's entries of a tree of fr/*.md files. */
function entriesOf(root: string, names: string[]) {
  const config = { ...GuidekitConfigSchema.parse({}), configFile: null, baseDir: root };
  const files = names.map((rel) => ({
    absPath: path.join(root, rel),
    path: rel,
    format: 'md' as const,
    pathLocale: 'fr',
    pathSlug: path.basename(rel, '.md'),
  }));
  return readSources(files, { config, salt: 'salt' }).entries;
}

describe('parse stage (parseEntries)', () => {
  it('parses misses, takes hits from the cache, and gives the same summaries both ways', async () => {
    const root = makeTree({ 'fr/a.md': guide('A', { image: '/i/a.png' }), 'fr/b.md': guide('B') });
    const entries = entriesOf(root, ['fr/a.md', 'fr/b.md']);
    const cache = new GuideCache(path.join(root, '.cache'));
    const options = { cache, keywords: undefined, salt: 'salt' };
    const cold = await parseEntries(entries, options);
    expect(cold.counts).toEqual({ parsed: 2, cached: 0, discarded: 0 });
    expect(cold.parsed.map((p) => [p.summary.path, p.summary.slug, p.summary.images.map((i) => i.url), p.payload === undefined])).toEqual([
      ['fr/a.md', 'a', ['/i/a.png'], true],
      ['fr/b.md', 'b', [], true],
    ]);
    const warm = await parseEntries(entries, options);
    expect(warm.counts).toEqual({ parsed: 0, cached: 2, discarded: 0 });
    expect(warm.parsed.map((p) => p.summary)).toEqual(cold.parsed.map((p) => p.summary));
  });

  it('keeps the guide bytes when there is no cache', async () => {
    const root = makeTree({ 'fr/a.md': guide('A') });
    const { parsed } = await parseEntries(entriesOf(root, ['fr/a.md']), {
      cache: undefined,
      keywords: undefined,
      salt: 'salt',
    });
    expect(JSON.parse(new TextDecoder().decode(parsed[0]?.payload)).title).toBe('A');
  });

  it('keys a file changed since the read stage by what was parsed, and skips one that vanished', async () => {
    const root = makeTree({ 'fr/a.md': guide('A'), 'fr/b.md': guide('B') });
    const entries = entriesOf(root, ['fr/a.md', 'fr/b.md']);
    writeFileSync(path.join(root, 'fr/a.md'), guide('A changed'));
    rmSync(path.join(root, 'fr/b.md'));
    const { parsed, counts } = await parseEntries(entries, {
      cache: undefined,
      keywords: undefined,
      salt: 'salt',
    });
    expect(counts.parsed).toBe(2);
    expect(parsed.map((p) => p.summary.outline.title)).toEqual(['A changed']);
    const [a] = entries;
    if (!a) throw new Error('no entry');
    expect(parsed[0]?.key).toBe(entryKey('salt', a.meta, Buffer.from(guide('A changed'))));
    expect(parsed[0]?.key).not.toBe(entries[0]?.key);
  });

  it('reports progress every 25 files and at the end', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `fr/g${i}.md`);
    const root = makeTree(Object.fromEntries(names.map((n) => [n, guide(n)])));
    const seen: string[] = [];
    await parseEntries(entriesOf(root, names), {
      cache: undefined,
      keywords: undefined,
      salt: '',
      onProgress: ({ done, total }) => seen.push(`${done}/${total}`),
    });
    expect(seen).toEqual(['25/30', '30/30']);
  });
});
