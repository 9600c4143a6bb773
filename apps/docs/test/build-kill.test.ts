// Kill safety of `guidekit-docs build`, through the built bin: a build killed with SIGKILL at
// any moment leaves the previous output complete and valid, and the next build repairs the rest.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { PNG, listTree, tempTree, tutorials, writeTree } from './build-helpers.js';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(app, '../..');
const bin = path.join(app, 'bin.mjs');
/** Every package the bin loads at run time, in build order. */
const chain = [
  'packages/model',
  'packages/parser',
  'packages/content',
  'packages/render',
  'packages/render-pdf',
  'packages/report',
  'packages/i18n',
  'packages/publish',
  'packages/cli-kit',
  'apps/docs',
];

beforeAll(() => {
  // Under turbo, `test` runs after `build`. Run alone, build what is missing (tsup, per package).
  for (const pkg of chain) {
    const dir = path.join(repo, pkg);
    if (fs.existsSync(path.join(dir, 'dist', 'index.js'))) continue;
    const r = spawnSync('npx', ['tsup'], { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tsup failed in ${pkg}: ${r.stderr}`);
  }
}, 600_000);

/** Start a build of `dir/content` into `dir/dist` (json, md, html, single, jsonld). */
function start(dir: string): { child: ReturnType<typeof spawn>; done: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    [bin, 'build', 'content', '--out', 'dist', '--format', 'html,single,json,md,jsonld'],
    {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '1' },
    },
  );
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, done };
}

/** Run a build to its end; resolve to its exit code. */
async function complete(dir: string): Promise<number | null> {
  return start(dir).done;
}

/**
 * What "complete and valid" means: the manifest parses; every file it lists exists and is a
 * whole file of its kind (HTML ends its document, JSON parses, Markdown is not empty, the image
 * is the source image); no temporary file is visible outside the state folder.
 */
function expectValid(out: string): number {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(out, '.guidekit/manifest.json'), 'utf8'),
  ) as { files: Record<string, unknown> };
  const files = Object.keys(manifest.files);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const abs = path.join(out, file);
    expect(fs.existsSync(abs), `${file} listed in the manifest is missing`).toBe(true);
    const bytes = fs.readFileSync(abs);
    if (file.endsWith('.html'))
      expect(bytes.toString('utf8').trimEnd().endsWith('</html>'), `${file} is cut`).toBe(true);
    else if (file.endsWith('.json'))
      expect(() => JSON.parse(bytes.toString('utf8')), `${file} is not JSON`).not.toThrow();
    else if (file.endsWith('.md')) expect(bytes.length, `${file} is empty`).toBeGreaterThan(0);
    else if (file.endsWith('.png'))
      expect(bytes.equals(PNG), `${file} is not the image`).toBe(true);
  }
  const stray = listTree(out).filter(
    (f) => !f.startsWith('.guidekit/') && path.posix.basename(f).startsWith('.guidekit-tmp-'),
  );
  expect(stray).toEqual([]);
  return files.length;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('kill -9 during a build', () => {
  test('leaves the previous dist complete and valid at every point, and the next build equals a fresh one', async () => {
    const count = 30; // 60 guides: enough for render threads (> 64 units) and a build that lasts a while
    const dir = tempTree(tutorials(count));
    const started = performance.now();
    expect(await complete(dir)).toBe(0);
    const coldMs = performance.now() - started;
    const listed = expectValid(path.join(dir, 'dist'));
    // Per guide 5 files; the home page, 2 locale indexes, the JSON index. Beside them, under html/:
    // the search index (Pagefind: how many files follows the words indexed) and the site's static
    // assets with the guides' image.
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'dist/.guidekit/manifest.json'), 'utf8')) as { files: Record<string, unknown> };
    const site = Object.keys(manifest.files).filter((file) => file.startsWith('html/pagefind/') || file.startsWith('html/_static/'));
    expect(listed - site.length).toBe(count * 2 * 5 + 3 + 1);
    expect(site.some((file) => file.startsWith('html/pagefind/'))).toBe(true);
    expect(site.some((file) => file.startsWith('html/_static/') && file.endsWith('.png'))).toBe(true);

    // Every kill interrupts a build that has everything to redo (each round changes every guide).
    // Points: right after the journal (first write), once 100 files were rewritten, as the search
    // index's new files start to land (their paths are journaled just before), after fixed
    // delays (during start-up and loading), and at fractions of the cold build's duration.
    const points: (number | 'journal' | 'files' | 'search')[] = [
      'journal',
      'files',
      'search',
      50,
      200,
      500,
      0.3,
      0.6,
      0.9,
    ];
    let round = 0;
    for (const point of points) {
      round++;
      writeTree(dir, tutorials(count, `Round ${round}.`));
      const { child, done } = start(dir);
      if (point === 'journal') {
        const marker = path.join(dir, 'dist/.guidekit/journal.json');
        const limit = performance.now() + coldMs * 3 + 30_000;
        while (!fs.existsSync(marker) && performance.now() < limit && child.exitCode === null)
          await sleep(5);
      } else if (point === 'search') {
        // The journal of new paths is appended to, never truncated: look past what earlier kills left.
        const journal = path.join(dir, 'dist/.guidekit/journal-files');
        const known = fs.existsSync(journal) ? fs.statSync(journal).size : 0;
        const limit = performance.now() + coldMs * 3 + 30_000;
        const landing = (): boolean => fs.existsSync(journal) && fs.readFileSync(journal).subarray(known).includes('html/pagefind/');
        while (!landing() && performance.now() < limit && child.exitCode === null) await sleep(2);
      } else if (point === 'files') {
        const since = Date.now() - 1000;
        const limit = performance.now() + coldMs * 3 + 30_000;
        const fresh = (): number =>
          listTree(path.join(dir, 'dist')).filter(
            (f) =>
              (fs.statSync(path.join(dir, 'dist', f), { throwIfNoEntry: false })?.mtimeMs ?? 0) >
              since,
          ).length;
        while (fresh() < 100 && performance.now() < limit && child.exitCode === null)
          await sleep(20);
      } else {
        await sleep(point < 1 ? Math.round(coldMs * point) : point);
      }
      child.kill('SIGKILL');
      await done;
      expectValid(path.join(dir, 'dist'));
    }

    // Back to the text of the first build: units half-written by a killed build must not be
    // trusted on their old keys. The result must equal a fresh build of the same text.
    writeTree(dir, tutorials(count));
    expect(await complete(dir)).toBe(0);
    expectValid(path.join(dir, 'dist'));
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/journal.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'dist/.guidekit/tmp'))).toBe(false);
    const fresh = tempTree(tutorials(count));
    expect(await complete(fresh)).toBe(0);
    const files = listTree(path.join(fresh, 'dist')).filter((f) => !f.startsWith('.guidekit/'));
    // Exactly the fresh build's files: nothing a killed build created survives the next complete
    // build (new paths are journaled before they are written, so the search index's
    // content-hashed fragments of an interrupted site step are removed too).
    expect(listTree(path.join(dir, 'dist')).filter((f) => !f.startsWith('.guidekit/'))).toEqual(files);
    for (const file of files) {
      const a = fs.readFileSync(path.join(dir, 'dist', file));
      const b = fs.readFileSync(path.join(fresh, 'dist', file));
      // (Known cause of a difference under heavy machine load: shiki's default 500 ms time limit
      // per line, which the first highlight of a thread can exceed; render must pass
      // `tokenizeTimeLimit: 0` for output that does not depend on load.)
      expect(a.equals(b), `${file} differs from a fresh build`).toBe(true);
    }
  }, 900_000);
});

describe('the built bin', () => {
  test('--help lists the build options; an unknown format exits 2', () => {
    const help = spawnSync(process.execPath, [bin, 'build', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--format <list>');
    expect(help.stdout).toContain('--no-cache');
    const dir = tempTree(tutorials(1));
    // Not a TTY: no progress bar, just the summary line on stderr.
    const ok = spawnSync(process.execPath, [bin, 'build', 'content', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: '' },
    });
    expect(ok.status).toBe(0);
    expect(ok.stderr).not.toContain('\r');
    expect(ok.stderr).toMatch(
      /^built 2 guides × 1 format: 3 files written, 0 unchanged in \d+\.\ds\n$/,
    );
    const bad = spawnSync(process.execPath, [bin, 'build', 'content', '--format', 'html,epub'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(bad.status, bad.stderr + bad.stdout).toBe(2);
    expect(bad.stderr).toContain('Unexpected format `epub`');
  });
});
