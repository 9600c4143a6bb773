// Render threads exist only in the built package (dist/render-worker.js): these tests import
// dist. Under turbo, `test` runs after `build`; run alone without a build, they are skipped.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { listTree, standardTree, tempTree } from './helpers.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/index.js');
const built = fs.existsSync(dist) && fs.existsSync(path.join(path.dirname(dist), 'render-worker.js'));
if (!built) console.warn('workers.test: packages/build/dist is missing (run `npx tsup`); render-thread tests skipped');
if (!built && process.env.CI) throw new Error('packages/build/dist is missing in CI: build before testing');

describe.skipIf(!built)('render threads (built package)', () => {
  test('a build on threads writes the same bytes as a build on the main thread', async () => {
    const { build } = (await import(pathToFileURL(dist).href)) as typeof import('../src/index.js');
    const dir = tempTree(standardTree());
    const threads = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'threads'), workers: 2 });
    const main = await build({ root: path.join(dir, 'content'), out: path.join(dir, 'main'), workers: 0 });
    expect(threads.diagnostics).toEqual(main.diagnostics);
    const files = listTree(path.join(dir, 'main'));
    expect(listTree(path.join(dir, 'threads'))).toEqual(files);
    for (const file of files) {
      const a = fs.readFileSync(path.join(dir, 'threads', file));
      const b = fs.readFileSync(path.join(dir, 'main', file));
      expect(a.equals(b), file).toBe(true);
    }
  });
});

describe.skipIf(!built)('render threads that cannot start', () => {
  test('a Node flag threads refuse falls back to the main thread with an info diagnostic', async () => {
    const dir = tempTree(standardTree());
    const script = `
      const { build } = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const r = await build({ root: ${JSON.stringify(path.join(dir, 'content'))}, out: ${JSON.stringify(path.join(dir, 'out'))}, workers: 2 });
      process.stdout.write(JSON.stringify({ files: r.written.length, ids: r.diagnostics.map((d) => d.ruleId) }));
    `;
    // --expose-gc is a flag worker threads reject (ERR_WORKER_INVALID_EXEC_ARGV).
    const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })) as { files: number; ids: string[] };
    expect(out.ids).toContain('build/workers-failed');
    expect(out.files).toBeGreaterThan(5);
  });
});
