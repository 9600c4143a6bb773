import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { resolveContentRoot } from '../src/index.js';

/** A temporary tree from an object of relative path → text (a trailing `/` makes a folder). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-root-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  // A repository boundary, so the upward search never leaves the temporary tree.
  mkdirSync(path.join(dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(name.endsWith('/') ? file : path.dirname(file), { recursive: true });
    if (!name.endsWith('/')) writeFileSync(file, text);
  }
  return dir;
}

describe('resolveContentRoot', () => {
  it('takes the root argument as given, against the working folder', async () => {
    const dir = tree({});
    expect(await resolveContentRoot({ cwd: dir, root: 'docs' })).toBe(path.join(dir, 'docs'));
    expect(await resolveContentRoot({ cwd: dir, root: '/abs/where' })).toBe('/abs/where');
  });

  it('defaults to ./content without a configuration', async () => {
    const dir = tree({ 'content/fr/a.md': '# A\n' });
    expect(await resolveContentRoot({ cwd: dir })).toBe(path.join(dir, 'content'));
  });

  it('uses the contentRoot of the configuration found upward from the working folder', async () => {
    const dir = tree({ 'guidekit.config.json': '{ "contentRoot": "guides" }', 'guides/fr/a.md': '# A\n', 'sub/deeper/': '' });
    expect(await resolveContentRoot({ cwd: path.join(dir, 'sub', 'deeper') })).toBe(path.join(dir, 'guides'));
  });

  it('takes a configuration inside its content root for its own folder', async () => {
    const dir = tree({ 'content/guidekit.config.json': '{ "sourceLocale": "fr" }', 'content/fr/a.md': '# A\n' });
    expect(await resolveContentRoot({ cwd: path.join(dir, 'content', 'fr') })).toBe(path.join(dir, 'content'));
    expect(await resolveContentRoot({ cwd: dir, config: 'content/guidekit.config.json' })).toBe(path.join(dir, 'content'));
  });

  it('walks up from the first file to the folder above its locale folder, from any working folder', async () => {
    const dir = tree({ 'site/docs/en/guides/x.md': '# X\n', 'site/docs/fr/guides/x.md': '# X\n' });
    const file = path.join(dir, 'site', 'docs', 'en', 'guides', 'x.md');
    expect(await resolveContentRoot({ cwd: os.tmpdir(), files: [file] })).toBe(path.join(dir, 'site', 'docs'));
    expect(await resolveContentRoot({ cwd: path.join(dir, 'site'), files: ['docs/en/guides/x.md'] })).toBe(path.join(dir, 'site', 'docs'));
  });

  it('walks up from the first file to the nearest configuration', async () => {
    const dir = tree({ 'project/guidekit.config.json': '{ "contentRoot": "posts" }', 'project/posts/a.en.md': '# A\n' });
    expect(await resolveContentRoot({ cwd: os.tmpdir(), files: [path.join(dir, 'project', 'posts', 'a.en.md')] })).toBe(path.join(dir, 'project', 'posts'));
  });

  it('falls back to the working folder’s root when the file says nothing', async () => {
    const dir = tree({ 'notes/a.md': '# A\n' });
    expect(await resolveContentRoot({ cwd: dir, files: ['notes/a.md'] })).toBe(path.join(dir, 'content'));
  });
});
