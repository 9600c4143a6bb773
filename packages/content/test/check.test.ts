import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, ContentRootError } from '../src/index.js';
import { guide, makeTree } from './helpers.js';

/** A tree with one missing image in each of two guides, and a static folder. */
function twoBrokenImages(extra: Record<string, string> = {}): string {
  return makeTree({
    'content/static/.keep': '',
    'content/fr/a.md': guide('A', { image: '/images/none-a.png' }),
    'content/en/a.md': guide('A', { image: '/images/none-a.png' }),
    'content/fr/reference/b.md': guide('B', { image: '/images/none-b.png' }),
    'content/en/reference/b.md': guide('B', { image: '/images/none-b.png' }),
    ...extra,
  });
}

const summary = (diagnostics: { file: string; ruleId: string; severity: string }[], root: string) =>
  diagnostics.map((d) => `${path.relative(root, d.file).split(path.sep).join('/')} ${d.ruleId} ${d.severity}`).sort();

describe('check', () => {
  it('returns every diagnostic with an absolute file, and what it checked', async () => {
    const dir = twoBrokenImages();
    const { diagnostics, result } = await check('content', { cwd: dir, cache: false });
    expect(result.root).toBe(path.join(dir, 'content'));
    expect(result).toMatchObject({ configInvalid: false, guides: 4, locales: ['en', 'fr'] });
    expect(summary(diagnostics, result.root)).toEqual([
      'en/a.md content/missing-image error',
      'en/reference/b.md content/missing-image error',
      'fr/a.md content/missing-image error',
      'fr/reference/b.md content/missing-image error',
    ]);
    expect(diagnostics.every((d) => path.isAbsolute(d.file))).toBe(true);
    expect(result.readSource(path.join(dir, 'content', 'fr', 'a.md'))).toContain('title: "A"');
  });

  it('applies the configured levels and per-path overrides, short rule ids included', async () => {
    const config = JSON.stringify({
      sourceLocale: 'fr',
      rules: { 'missing-image': 'warn' },
      overrides: [
        { files: 'en/**', rules: { 'content/missing-image': 'off' } },
        { files: '**/reference/**', excludedFiles: 'en/**', rules: { 'missing-image': 2 } },
      ],
    });
    const dir = twoBrokenImages({ 'content/guidekit.config.json': config });
    const { diagnostics, result } = await check(path.join(dir, 'content'), { cache: false });
    expect(summary(diagnostics, result.root)).toEqual(['fr/a.md content/missing-image warning', 'fr/reference/b.md content/missing-image error']);
  });

  it('honours inline guidekit-disable comments in the file reported', async () => {
    const silenced = guide('A', { image: '/images/none-a.png' }).replace('![screen]', '<!-- guidekit-disable-next-line missing-image -->\n![screen]');
    const dir = twoBrokenImages({ 'content/fr/a.md': silenced });
    const { diagnostics, result } = await check('content', { cwd: dir, cache: false });
    expect(summary(diagnostics, result.root)).not.toContain('fr/a.md content/missing-image error');
    expect(diagnostics).toHaveLength(3);
  });

  it('reports an invalid configuration at its place, which no setting can silence', async () => {
    const dir = twoBrokenImages({ 'content/guidekit.config.json': '{ "rules": { "config/invalid": "off", "missing-image": "of" } }' });
    const { diagnostics, result } = await check('content', { cwd: dir, cache: false });
    expect(result.configInvalid).toBe(true);
    const config = diagnostics.filter((d) => d.ruleId === 'config/invalid');
    expect(config.length).toBeGreaterThan(0);
    expect(config[0]).toMatchObject({ file: path.join(dir, 'content', 'guidekit.config.json'), severity: 'error', line: 1 });
  });

  it('throws ContentRootError for a root that is not a folder', async () => {
    await expect(check('nowhere', { cwd: makeTree({}) })).rejects.toBeInstanceOf(ContentRootError);
  });
});
