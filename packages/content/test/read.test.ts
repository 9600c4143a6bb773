import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuidekitConfigSchema, type ResolvedConfig } from '../src/index.js';
import { entryKey, readSources } from '../src/lib/read.js';
import { guide, makeTree } from './helpers.js';

const config = (root: string): ResolvedConfig => ({
  ...GuidekitConfigSchema.parse({ sourceLocale: 'fr' }),
  configFile: null,
  baseDir: root,
});
const file = (root: string, rel: string, pathLocale?: string) => ({
  absPath: path.join(root, rel),
  path: rel,
  format: 'md' as const,
  pathSlug: path.basename(rel, '.md'),
  ...(pathLocale ? { pathLocale } : {}),
});

describe('read stage (readSources)', () => {
  it('says when a guide file cannot be read (a link to a folder) instead of dropping it silently', () => {
    const root = makeTree({ 'fr/a.md': guide('A') });
    mkdirSync(path.join(root, 'somewhere'));
    symlinkSync(path.join(root, 'somewhere'), path.join(root, 'fr', 'b.md'));
    const files = [file(root, 'fr/a.md', 'fr'), file(root, 'fr/b.md', 'fr')];
    const { entries, diagnostics } = readSources(files, { config: config(root), salt: 's' });
    expect(entries.map((e) => e.meta.path)).toEqual(['fr/a.md']);
    expect(diagnostics).toEqual([
      {
        file: 'fr/b.md',
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'content/unreadable',
        message: 'Cannot read guide `fr/b.md` (it is a folder): expected a readable Markdown file, so this guide is left out',
      },
    ]);
  });

  it('gives each file its locale and slug (front matter first) and a key of what its parse depends on', () => {
    const root = makeTree({
      'en/a.md': guide('A'),
      'b.md': guide('B', { frontmatter: 'locale: en-us\ntranslationKey: beta' }),
      'c.md': guide('C', { frontmatter: 'locale: klingonese' }),
    });
    const files = [file(root, 'en/a.md', 'en'), file(root, 'b.md'), file(root, 'c.md'), file(root, 'gone.md')];
    const { entries, diagnostics } = readSources(files, { config: config(root), salt: 's' });
    expect(entries.map((e) => e.meta)).toEqual([
      { path: 'en/a.md', locale: 'en', slug: 'a', format: 'md' },
      { path: 'b.md', locale: 'en-US', slug: 'beta', format: 'md' },
      { path: 'c.md', locale: 'fr', slug: 'c', format: 'md' },
    ]);
    expect(diagnostics.map((d) => [d.file, d.ruleId, d.line])).toEqual([['c.md', 'content/invalid-locale', 3]]);
    // The key: sha256 of the salt, the parser's options and the bytes; nothing else.
    const [a] = entries;
    expect(a?.key).toMatch(/^[0-9a-f]{64}$/);
    expect(a?.key).toBe(entryKey('s', { path: 'en/a.md', locale: 'en', slug: 'a', format: 'md' }, Buffer.from(guide('A'))));
    expect(readSources(files, { config: config(root), salt: 'other' }).entries[0]?.key).not.toBe(a?.key);
  });

  it('keys the bytes: a changed file changes its key only', () => {
    const root = makeTree({ 'a.md': guide('A'), 'b.md': guide('B') });
    const files = [file(root, 'a.md'), file(root, 'b.md')];
    const before = readSources(files, { config: config(root), salt: '' }).entries.map((e) => e.key);
    writeFileSync(path.join(root, 'b.md'), guide('B2'));
    rmSync(path.join(root, 'a.md'));
    writeFileSync(path.join(root, 'a.md'), guide('A'));
    const after = readSources(files, { config: config(root), salt: '' }).entries.map((e) => e.key);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});
