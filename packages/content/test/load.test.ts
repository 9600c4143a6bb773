import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentRootError, loadContent } from '../src/index.js';
import { guide, makeTree } from './helpers.js';

const noCache = { cache: false, workers: 0 } as const;

function summary(content: Awaited<ReturnType<typeof loadContent>>) {
  return content.guides.map((g) => `${g.locale} ${g.slug} ${g.path}`);
}

describe('loadContent layouts', () => {
  it('finds guides in locale folders, language-name folders and locale suffixes, mixed', async () => {
    const root = makeTree({
      'fr/alpha.md': guide('Alpha'),
      'en-US/alpha.md': guide('Alpha US', { step: 'Step 1: Open it' }),
      'english/beta.mdx': guide('Beta'),
      'français/beta.md': guide('Bêta'),
      'gamma.fr.md': guide('Gamma'),
      'gamma.de.md': guide('Gamma DE', { step: 'Schritt 1: Öffnen' }),
      'nested/fr/azure/delta.md': guide('Delta'),
    });
    const content = await loadContent(root, noCache);
    expect(summary(content)).toEqual([
      'en-US alpha en-US/alpha.md',
      'fr alpha fr/alpha.md',
      'fr azure/delta nested/fr/azure/delta.md',
      'en beta english/beta.mdx',
      'fr beta français/beta.md',
      'de gamma gamma.de.md',
      'fr gamma gamma.fr.md',
    ]);
    expect(content.guides.find((g) => g.path === 'english/beta.mdx')?.format).toBe('mdx');
    expect(content.translations.map((t) => [t.slug, t.source?.path, t.translations.map((g) => g.path)])).toEqual([
      ['alpha', 'fr/alpha.md', ['en-US/alpha.md']],
      ['azure/delta', 'nested/fr/azure/delta.md', []],
      ['beta', 'français/beta.md', ['english/beta.mdx']],
      ['gamma', 'gamma.fr.md', ['gamma.de.md']],
    ]);
    expect(content.root).toBe(root);
    expect(content.stats).toMatchObject({ files: 7, parsed: 7, cached: 0, workers: 0 });
  });

  it('lets front matter locale and translationKey win over the path', async () => {
    const root = makeTree({
      'fr/activer-mfa.md': guide('Activer MFA', { frontmatter: 'translationKey: mfa' }),
      'fr/enable-mfa.md': guide('Enable MFA', { frontmatter: 'locale: en\ntranslationKey: "mfa"' }),
    });
    const content = await loadContent(root, noCache);
    expect(summary(content)).toEqual(['en mfa fr/enable-mfa.md', 'fr mfa fr/activer-mfa.md']);
    expect(content.translations).toHaveLength(1);
    expect(content.diagnostics.filter((d) => d.ruleId.startsWith('content/'))).toEqual([]);
  });

  it('reports a front matter locale that is not a language tag, at its line', async () => {
    const root = makeTree({ 'fr/a.md': guide('A', { frontmatter: 'locale: klingonese' }) });
    const content = await loadContent(root, noCache);
    expect(content.diagnostics.filter((d) => d.ruleId === 'content/invalid-locale').map((d) => [d.file, d.line, d.column])).toEqual([['fr/a.md', 3, 1]]);
    expect(content.guides[0]?.locale).toBe('fr');
  });

  it('skips section pages, node_modules, dot folders and the static folder', async () => {
    const root = makeTree({
      'fr/a.md': guide('A'),
      'fr/_index.md': '# Section',
      'fr/-index.md': '# Section',
      '_index.fr.md': '# Section',
      'node_modules/pkg/readme.md': '# Readme',
      '.git/x.md': '# X',
      '.drafts/fr/b.md': guide('B'),
      'static/docs/readme.md': '# Not a guide',
      'notes.txt': 'not markdown',
    });
    const content = await loadContent(root, noCache);
    expect(content.guides.map((g) => g.path)).toEqual(['fr/a.md']);
  });

  it('puts guides with no locale anywhere in the source locale', async () => {
    const root = makeTree({ 'guides/a.md': guide('A'), 'guidekit.config.json': '{ "sourceLocale": "de" }' });
    const content = await loadContent(root, { ...noCache, cwd: root });
    expect(summary(content)).toEqual(['de guides/a guides/a.md']);
  });

  it('exposes the raw text of every file', async () => {
    const text = guide('A');
    const root = makeTree({ 'fr/a.md': text });
    const content = await loadContent(root, noCache);
    expect(content.readSource('fr/a.md')).toBe(text);
    expect(content.readSource(content.guides[0]!)).toBe(text);
    expect(content.sources.get('fr/a.md')).toBe(text);
    expect(content.readSource('fr/none.md')).toBeUndefined();
  });

  it('throws a ContentRootError for a root that is not a folder', async () => {
    const root = makeTree({ 'fr/a.md': guide('A') });
    await expect(loadContent(path.join(root, 'missing'), noCache)).rejects.toBeInstanceOf(ContentRootError);
    await expect(loadContent(path.join(root, 'fr/a.md'), noCache)).rejects.toThrow(/expected a folder of guides/);
  });
});

describe('loadContent pairing diagnostics', () => {
  it('reports duplicate slugs, orphans and missing translations', async () => {
    const root = makeTree({
      'fr/one.md': guide('One'),
      'fr/one.mdx': guide('One again'),
      'one.fr.md': guide('One thrice'),
      'en/one.md': guide('One EN'),
      'fr/two.md': guide('Two'),
      'en/three.md': guide('Three EN'),
      'de/one.md': guide('Eins'),
    });
    const content = await loadContent(root, noCache);
    const mine = content.diagnostics.filter((d) => d.ruleId.startsWith('content/'));
    expect(mine.map((d) => [d.ruleId, d.severity, d.file, d.data?.['locale']])).toEqual([
      ['content/orphan-translation', 'error', 'en/three.md', 'en'],
      ['content/duplicate-slug', 'error', 'fr/one.mdx', 'fr'],
      ['content/missing-translation', 'warning', 'fr/two.md', 'de'],
      ['content/missing-translation', 'warning', 'fr/two.md', 'en'],
      ['content/duplicate-slug', 'error', 'one.fr.md', 'fr'],
    ]);
    expect(mine.find((d) => d.file === 'one.fr.md')?.related).toEqual({ file: 'fr/one.md', line: 1, column: 1 });
    // The message says what is missing and where it is expected, in the source's own layout.
    expect(mine.filter((d) => d.ruleId === 'content/missing-translation').map((d) => d.message)).toEqual([
      'No `de` translation of `two`: expected `de/two.md` (or another file with the same `translationKey`)',
      'No `en` translation of `two`: expected `en/two.md` (or another file with the same `translationKey`)',
    ]);
    const one = content.translations.find((t) => t.slug === 'one');
    expect(one?.source?.path).toBe('fr/one.md');
    expect(one?.translations.map((g) => g.path)).toEqual(['de/one.md', 'en/one.md']);
    expect(content.translations.find((t) => t.slug === 'three')?.source).toBeUndefined();
  });

  it('only asks for the configured locales when `locales` is set', async () => {
    const root = makeTree({
      'guidekit.config.json': '{ "locales": ["fr", "en"] }',
      'fr/one.md': guide('One'),
      'de/one.md': guide('Eins'),
    });
    const content = await loadContent(root, { ...noCache, cwd: root });
    const missing = content.diagnostics.filter((d) => d.ruleId === 'content/missing-translation');
    expect(missing.map((d) => d.data?.['locale'])).toEqual(['en']);
  });
});

describe('loadContent images', () => {
  it('reports a missing image at its line and column, against content/static by default', async () => {
    const root = makeTree({
      'fr/a.md': guide('A', { image: '/images/present.png', frontmatter: 'image: /images/cover-missing.png' }),
      'fr/b.md': guide('B', { image: '/images/missing.png' }),
      'fr/c.md': guide('C', { image: 'https://example.com/remote.png' }),
      'fr/d.md': guide('D', { image: 'local.png' }),
      'fr/local.png': 'png',
      'static/images/present.png': 'png',
    });
    const content = await loadContent(root, noCache);
    const missing = content.diagnostics.filter((d) => d.ruleId === 'content/missing-image');
    expect(missing.map((d) => [d.file, d.line, d.column, d.data?.['expected']])).toEqual([
      ['fr/a.md', 3, 1, 'static/images/cover-missing.png'],
      ['fr/b.md', 15, 1, 'static/images/missing.png'],
    ]);
    expect(missing.every((d) => d.severity === 'error')).toBe(true);
    expect(content.staticDir).toBe(path.join(root, 'static'));
  });

  it('uses <root>/../public when present, and a configured staticDir over it', async () => {
    const site = makeTree({
      'public/images/x.png': 'png',
      'content/fr/a.md': guide('A', { image: '/images/x.png' }),
      'assets/images/y.png': 'png',
    });
    const root = path.join(site, 'content');
    const byDefault = await loadContent(root, { ...noCache, cwd: site });
    expect(byDefault.staticDir).toBe(path.join(site, 'public'));
    expect(byDefault.diagnostics.filter((d) => d.ruleId === 'content/missing-image')).toEqual([]);
    const configured = await loadContent(root, {
      ...noCache,
      cwd: site,
      config: { ...(await import('../src/index.js')).GuidekitConfigSchema.parse({ staticDir: 'assets' }), configFile: null, baseDir: site },
    });
    expect(configured.staticDir).toBe(path.join(site, 'assets'));
    expect(configured.diagnostics.filter((d) => d.ruleId === 'content/missing-image').map((d) => d.data?.['url'])).toEqual(['/images/x.png']);
  });

  it('skips the image check with one info when no static folder exists', async () => {
    const root = makeTree({ 'fr/a.md': guide('A', { image: '/images/x.png' }), 'fr/b.md': guide('B', { image: '/images/y.png' }) });
    const content = await loadContent(root, noCache);
    expect(content.staticDir).toBeNull();
    expect(content.diagnostics.filter((d) => d.ruleId.startsWith('content/')).map((d) => [d.ruleId, d.severity])).toEqual([['content/no-static-dir', 'info']]);
  });

  it('reports a configured static folder that does not exist as a config error', async () => {
    const root = makeTree({ 'guidekit.config.json': '{ "staticDir": "nowhere" }', 'fr/a.md': guide('A') });
    const content = await loadContent(root, { ...noCache, cwd: root });
    expect(content.diagnostics.map((d) => [d.ruleId, d.file])).toContainEqual(['config/invalid', 'guidekit.config.json']);
  });
});
