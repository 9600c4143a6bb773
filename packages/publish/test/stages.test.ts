// Each stage alone, with explicit inputs: plan, diff, commit, the shard assignment and the lock.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadContent } from '@guidekit/content';
import { defineFormat, formats } from '@guidekit/render/formats';
import { describe, expect, test } from 'vitest';
import { Commit } from '../src/lib/commit.js';
import { siteOf } from '../src/lib/context.js';
import { diff, readOutputState } from '../src/lib/diff.js';
import { LOCK_PATH, lockOutput } from '../src/lib/lock.js';
import { plan } from '../src/lib/plan.js';
import type { Unit } from '../src/lib/plan.js';
import { parseShard, shardOf } from '../src/lib/shard.js';
import { frenchPrinter, standardTree, tempTree, writeTree } from './helpers.js';

const pick = (...ids: string[]) => formats.filter((f) => ids.includes(f.id));

/** The units of `dir/content` in some formats, as the plan stage makes them. */
async function planOf(dir: string, ids: string[], shard?: { index: number; count: number }): Promise<Unit[]> {
  const content = await loadContent(path.join(dir, 'content'), { cache: false });
  const selected = pick(...ids);
  const setup = { root: content.root, out: path.join(dir, 'dist'), content, config: content.config, formats: selected, shard, loadMs: 0 };
  return plan({ site: siteOf(setup, {}), formats: selected, configHash: 'c', shard });
}

const keys = (units: Unit[]): Record<string, string> => Object.fromEntries(units.map((u) => [u.id, u.key]));

describe('plan', () => {
  test('one unit per guide and format, the indexes last, keys that follow what each format depends on', async () => {
    const dir = tempTree(standardTree());
    const before = await planOf(dir, ['single', 'json']);
    expect(before.map((u) => u.id)).toEqual([
      'single:en/ajouter-imprimante',
      'single:fr/ajouter-imprimante',
      'single:fr/nouveautes-mars',
      'json:en/ajouter-imprimante',
      'json:fr/ajouter-imprimante',
      'json:fr/nouveautes-mars',
      'json:index',
    ]);
    // A French title changes: the English page's switcher shows it (translations), its JSON does not.
    writeTree(dir, { 'content/fr/ajouter-imprimante.md': frenchPrinter('Ajouter une imprimante partagée') });
    const after = keys(await planOf(dir, ['single', 'json']));
    const was = keys(before);
    const changed = Object.keys(was).filter((id) => was[id] !== after[id]).sort();
    expect(changed).toEqual(['json:fr/ajouter-imprimante', 'json:index', 'single:en/ajouter-imprimante', 'single:fr/ajouter-imprimante']);
  });

  test('a format depending on the index renders every page again when one title changes', async () => {
    const dir = tempTree(standardTree());
    const withIndex = defineFormat({ id: 'nav', description: 'pages with a sidebar', version: '1', byDefault: false, dependsOn: ['index'], render: () => [] });
    const content = async () => loadContent(path.join(dir, 'content'), { cache: false });
    const keyed = async (): Promise<Record<string, string>> => {
      const loaded = await content();
      const setup = { root: loaded.root, out: path.join(dir, 'dist'), content: loaded, config: loaded.config, formats: [withIndex], shard: undefined, loadMs: 0 };
      return keys(plan({ site: siteOf(setup, {}), formats: [withIndex], configHash: 'c' }));
    };
    const was = await keyed();
    writeTree(dir, { 'content/fr/ajouter-imprimante.md': frenchPrinter('Ajouter une imprimante partagée') });
    const after = await keyed();
    expect(Object.keys(was).filter((id) => was[id] !== after[id]).sort()).toEqual(Object.keys(was).sort());
  });

  test('a shard plans the guides whose slug falls in it, a translation group together, and no index', async () => {
    const dir = tempTree(standardTree());
    const all = await planOf(dir, ['md']);
    const parts = await Promise.all([1, 2].map((index) => planOf(dir, ['md'], { index, count: 2 })));
    expect(parts.flat().map((u) => u.id).sort()).toEqual(all.map((u) => u.id).sort());
    for (const [i, part] of parts.entries()) {
      for (const unit of part) expect(shardOf((unit.input as { guide: { slug: string } }).guide.slug, 2)).toBe(i + 1);
    }
    // The same keys as an unsharded build: merge finds shard units up to date.
    expect(keys(parts.flat())).toEqual(keys(all));
  });
});

describe('diff', () => {
  test('dirty: new, changed key, missing file, or named in a killed build\'s journal', async () => {
    const dir = tempTree({});
    const out = path.join(dir, 'dist');
    const unit = (id: string, key: string): Unit => ({ id, key, format: formats[0]!, stage: 'guide', input: { kind: 'site', guides: [], groups: new Map() } });
    writeTree(out, {
      'md/a.md': 'a',
      'md/b.md': 'b',
      '.guidekit/manifest.json': JSON.stringify({
        version: 1,
        generator: (await import('../package.json')).version,
        units: { 'md:a': { key: 'k1', files: ['md/a.md'] }, 'md:b': { key: 'k1', files: ['md/b.md'] }, 'md:c': { key: 'k1', files: ['md/c.md'] }, 'md:d': { key: 'k1', files: ['md/a.md'] } },
        files: { 'md/a.md': { unit: 'md:a', key: 'k1', sha: 's' }, 'md/b.md': { unit: 'md:b', key: 'k1', sha: 's' } },
        garbage: [],
      }),
      '.guidekit/journal.json': JSON.stringify({ units: ['md:d'] }),
    });
    const state = await readOutputState(out);
    const { dirty, clean } = diff([unit('md:a', 'k1'), unit('md:b', 'k2'), unit('md:c', 'k1'), unit('md:d', 'k1'), unit('md:e', 'k1')], state);
    expect(clean.map((u) => u.id)).toEqual(['md:a']);
    expect(dirty.map((u) => u.id)).toEqual(['md:b', 'md:c', 'md:d', 'md:e']);
  });
});

describe('commit', () => {
  test('writes changed bytes only, records every file, writes the manifest last and removes garbage after it', async () => {
    const dir = tempTree({});
    const out = path.join(dir, 'dist');
    const first = new Commit(out, await readOutputState(out), ['md:a', 'md:b']);
    await first.accept({ id: 'md:a', key: 'k', format: 'md', file: 'a.md' }, [{ path: 'md/a.md', data: 'A' }]);
    await first.accept({ id: 'md:b', key: 'k', format: 'md', file: 'b.md' }, [{ path: 'md/b.md', data: 'B' }]);
    expect((await first.finish()).written).toEqual(['md/a.md', 'md/b.md']);
    const second = new Commit(out, await readOutputState(out), ['md:a']);
    await second.accept({ id: 'md:a', key: 'k2', format: 'md', file: 'a.md' }, [{ path: 'md/a.md', data: 'A' }]);
    const done = await second.finish();
    // Same bytes: not written; b no longer made: removed, after the manifest that drops it.
    expect(done.written).toEqual([]);
    expect(done.removed).toEqual(['md/b.md']);
    expect(fs.existsSync(path.join(out, 'md/b.md'))).toBe(false);
    expect(Object.keys(done.manifest.files)).toEqual(['md/a.md']);
    expect(done.manifest.units['md:a']?.key).toBe('k2');
  });

  test('a path outside the format\'s folder is a programmer error; a second file at one path is dropped with a warning', async () => {
    const dir = tempTree({});
    const out = path.join(dir, 'dist');
    const commit = new Commit(out, await readOutputState(out), []);
    await expect(commit.accept({ id: 'md:a', key: 'k', format: 'md', file: 'a.md' }, [{ path: 'html/a.md', data: 'A' }])).rejects.toThrow(/expected a normalised path under `md\/`/);
    await commit.accept({ id: 'md:a', key: 'k', format: 'md', file: 'a.md' }, [{ path: 'md/x.md', data: 'A' }]);
    const warnings = await commit.accept({ id: 'md:b', key: 'k', format: 'md', file: 'b.md' }, [{ path: 'md/x.md', data: 'B' }]);
    expect(warnings.map((d) => [d.ruleId, d.file])).toEqual([['build/duplicate-output', 'b.md']]);
  });
});

describe('shards', () => {
  test('i/n is checked; the assignment depends on the slug alone and spreads the slugs', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/expected i\/n with 1 <= i <= n/);
    const slugs = Array.from({ length: 300 }, (_, i) => `guide-${i}`);
    const counts = [0, 0, 0];
    for (const slug of slugs) counts[shardOf(slug, 3) - 1]!++;
    for (const n of counts) expect(n).toBeGreaterThan(70);
    // Pinned: a runner of another machine computes the same assignment.
    expect(slugs.slice(0, 6).map((s) => shardOf(s, 3))).toMatchInlineSnapshot(`
      [
        1,
        3,
        2,
        3,
        1,
        1,
      ]
    `);
  });
});

describe('the output lock', () => {
  test('a second lock waits for the first, gives up after its wait, and a dead holder\'s lock is taken over', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-lock-'));
    try {
      const first = await lockOutput(out);
      await expect(lockOutput(out, { wait: false })).rejects.toThrow(/Unexpected lock on the output folder .*: process \d+ on .* is building into it/);
      const waiting: number[] = [];
      const second = lockOutput(out, { wait: 5_000, onWait: (h) => waiting.push(h.pid) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      first.release();
      (await second).release();
      expect(waiting).toEqual([process.pid]);
      const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
      fs.writeFileSync(path.join(out, LOCK_PATH), JSON.stringify({ pid: Number(gone.stdout), host: os.hostname() }));
      (await lockOutput(out, { wait: false })).release();
      expect(fs.existsSync(path.join(out, LOCK_PATH))).toBe(false);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

