// Sharded builds, `merge`, and the lock on the output folder — through the built bin, each build
// in a process of its own, as CI runners and two people building at once would run them.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shardOf } from '@guidekit/publish';
import { beforeAll, describe, expect, test } from 'vitest';
import { listTree, tempTree, tutorial, tutorials, writeTree } from './build-helpers.js';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(app, '../..');
const bin = path.join(app, 'bin.mjs');
/** Every package the bin loads at run time, in build order. */
const chain = ['model', 'parser', 'content', 'render-pdf', 'render', 'report', 'i18n', 'publish', 'cli-kit'].map((p) => `packages/${p}`).concat('apps/docs');
const FORMATS = 'html,single,json,md,jsonld,data';
// Formats whose pages depend on their guide and its translations only (a site page with a
// sidebar depends on every guide's title: adding a guide rightly changes it in every shard).
const GUIDE_FORMATS = 'single,json,md,jsonld,data';

beforeAll(() => {
  // Under turbo, `test` runs after `build`. Run alone, build what is missing (tsup, per package).
  for (const pkg of chain) {
    const dir = path.join(repo, pkg);
    if (fs.existsSync(path.join(dir, 'dist', 'index.js'))) continue;
    const r = spawnSync('npx', ['tsup'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tsup failed in ${pkg}: ${r.stderr}`);
  }
}, 600_000);

interface Exit {
  code: number | null;
  stderr: string;
}

/** Run the bin in `dir` as its own process; resolves when it exits. */
function bin$(dir: string, args: string[]): Promise<Exit> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

/** Every published file of `out` (the state folder left out) with its bytes. */
function files(out: string): Map<string, Buffer> {
  return new Map(
    listTree(out)
      .filter((f) => !f.startsWith('.guidekit/'))
      .map((f) => [f, fs.readFileSync(path.join(out, f))]),
  );
}

const build = (dir: string, out: string, ...extra: string[]): Promise<Exit> => bin$(dir, ['build', 'content', '--out', out, '--format', FORMATS, ...extra]);
const shards = (dir: string, prefix: string, formats = FORMATS): Promise<Exit[]> =>
  Promise.all([1, 2, 3].map((i) => build(dir, `${prefix}-${i}`, '--shard', `${i}/3`, '--format', formats)));

describe('sharded builds', () => {
  test('a tree built whole, and as 3 shards in 3 processes then merged, gives the same files byte for byte', async () => {
    const dir = tempTree({ ...tutorials(5), 'content/fr/seul.md': tutorial('fr', 40) });
    expect((await build(dir, 'whole')).code).toBe(0);
    const parts = await shards(dir, 'shard');
    expect(parts.map((p) => p.code)).toEqual([0, 0, 0]);
    // Each shard holds some guides and no index; together they hold every guide once.
    const held = [1, 2, 3].map((i) => [...files(path.join(dir, `shard-${i}`)).keys()]);
    for (const list of held) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.filter((f) => f.endsWith('index.json') || f === 'html/index.html')).toEqual([]);
    }
    expect(new Set(held.flat()).size).toBe(held.flat().length);
    const merged = await bin$(dir, ['merge', 'shard-1', 'shard-2', 'shard-3', '--root', 'content', '--out', 'merged']);
    expect(merged.code, merged.stderr).toBe(0);
    const whole = files(path.join(dir, 'whole'));
    const joined = files(path.join(dir, 'merged'));
    expect([...joined.keys()]).toEqual([...whole.keys()]);
    for (const [file, bytes] of whole) expect(joined.get(file)?.equals(bytes), file).toBe(true);
    // The merged manifest is a whole build's: building into it again writes nothing.
    const again = await build(dir, 'merged');
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/: 0 files written/);
  }, 300_000);

  test('adding one guide changes only the files of its own shard (the indexes are made by merge)', async () => {
    const dir = tempTree(tutorials(5));
    expect((await shards(dir, 'shard', GUIDE_FORMATS)).map((p) => p.code)).toEqual([0, 0, 0]);
    const before = [1, 2, 3].map((i) => files(path.join(dir, `shard-${i}`)));
    writeTree(dir, { 'content/fr/service-99.md': tutorial('fr', 99), 'content/en/service-99.md': tutorial('en', 99) });
    expect((await shards(dir, 'shard', GUIDE_FORMATS)).map((p) => p.code)).toEqual([0, 0, 0]);
    const home = shardOf('service-99', 3);
    for (const i of [1, 2, 3]) {
      const after = files(path.join(dir, `shard-${i}`));
      const changed = [...new Set([...after.keys(), ...before[i - 1]!.keys()])].filter((f) => !after.get(f)?.equals(before[i - 1]!.get(f) ?? Buffer.alloc(0)));
      if (i === home) {
        expect(changed.length).toBeGreaterThan(0);
        expect(changed.filter((f) => !f.includes('service-99'))).toEqual([]);
      } else {
        expect(changed).toEqual([]);
      }
    }
  }, 300_000);

  test('merge refuses a missing part with exit 2 and a plain message', async () => {
    const dir = tempTree(tutorials(2));
    expect((await build(dir, 'shard-1', '--shard', '1/2')).code).toBe(0);
    const merged = await bin$(dir, ['merge', 'shard-1', '--root', 'content', '--out', 'merged']);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/Unexpected shards 1\/2, expected each of 1\/n to n\/n exactly once/);
  }, 120_000);
});

describe('the lock on the output folder', () => {
  test('two builds at once into one dist: one waits for the other, and the result is one complete build', async () => {
    const dir = tempTree(tutorials(8));
    const [a, b] = await Promise.all([build(dir, 'dist'), build(dir, 'dist')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // One of them waited, then found everything up to date.
    const waited = [a, b].filter((r) => /waiting for the build of process \d+/.test(r.stderr));
    expect(waited).toHaveLength(1);
    expect(waited[0]!.stderr).toMatch(/: 0 files written/);
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/lock'))).toBe(false);
    expect((await build(dir, 'fresh')).code).toBe(0);
    const fresh = files(path.join(dir, 'fresh'));
    const built = files(path.join(dir, 'dist'));
    expect([...built.keys()]).toEqual([...fresh.keys()]);
    for (const [file, bytes] of fresh) expect(built.get(file)?.equals(bytes), file).toBe(true);
  }, 300_000);

  test('with --no-wait the second build exits 2 with a plain message; a lock whose process is gone is taken over', async () => {
    const dir = tempTree(tutorials(8));
    expect((await build(dir, 'dist')).code).toBe(0);
    // A live process holds the lock (a build racing this one could finish before the second
    // starts; the real two-builds-at-once case is the test above).
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
    const lock = path.join(dir, 'dist/.guidekit/lock');
    const host = (await import('node:os')).hostname();
    fs.writeFileSync(lock, JSON.stringify({ pid: holder.pid, host }));
    const second = await build(dir, 'dist', '--no-wait');
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/Unexpected lock on the output folder .*dist: process \d+ on .* is building into it/);
    // The holder is killed: its lock is stale and taken over.
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const third = await build(dir, 'dist', '--no-wait');
    expect(third.code, third.stderr).toBe(0);
    expect(fs.existsSync(lock)).toBe(false);
  }, 300_000);
});
