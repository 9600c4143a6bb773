import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtEntry, guide, loadInNode, makeTree } from './helpers.js';

/** Entry files written since `since` (ms since the epoch; 0 while the folder does not exist). */
function written(cache: string, since: number): number {
  const dir = path.join(cache, 'v5');
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).filter((n) => n.endsWith('.gke') && statSync(path.join(dir, n)).mtimeMs >= since).length;
}

/** Start a load with the cache in a plain node process (the built package), and kill -9 it once it has written `count` entries. */
async function killMidLoad(root: string, cache: string, count: number): Promise<string | null> {
  const script = `const { loadContent } = await import(${JSON.stringify(pathToFileURL(builtEntry).href)}); await loadContent(${JSON.stringify(root)}, { cache: ${JSON.stringify(cache)} });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const since = Date.now() - 1;
  while (child.exitCode === null && written(cache, since) < count) await new Promise((resolve) => setTimeout(resolve, 2));
  child.kill('SIGKILL');
  return exited;
}

describe('the cache survives kill -9', () => {
  it('a load killed while writing entries leaves a cache the next load trusts only where whole: same result', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `fr/g${i}.md`);
    const root = makeTree(Object.fromEntries(names.map((n, i) => [n, guide(`G${i}`, { step: `Étape 1 : ouvrir ${i}` })])));
    const cache = path.join(root, '.cache');
    for (const round of [1, 2]) {
      // After the first round every guide is edited, so the killed load replaces entries that exist.
      if (round > 1) for (const [i, n] of names.entries()) writeFileSync(path.join(root, n), guide(`G${i} r${round}`));
      expect(await killMidLoad(root, cache, 10 * round)).toBe('SIGKILL');
      const reference = loadInNode(root, { cache: false }).snap;
      const after = loadInNode(root, { cache });
      expect(after.stats['discarded']).toBe(0);
      expect(after.stats['cached']).toBeGreaterThanOrEqual(10 * round);
      expect(after.stats['cached']).toBeLessThan(60);
      expect(after.snap).toBe(reference);
      const again = loadInNode(root, { cache });
      expect(again.stats).toMatchObject({ parsed: 0, cached: 60 });
      expect(again.snap).toBe(reference);
    }
  }, 180_000);
});
