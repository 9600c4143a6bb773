import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GuidekitConfigSchema, defineConfig, findConfigFile, loadConfig } from '../src/lib/config.js';
import { makeTree } from './helpers.js';

describe('loadConfig', () => {
  it('uses the defaults when there is no configuration file', async () => {
    const root = makeTree({ 'fr/a.md': '# A' });
    const { config, diagnostics } = await loadConfig(root, { cwd: root });
    expect(diagnostics).toEqual([]);
    expect(config.configFile).toBeNull();
    expect(config.sourceLocale).toBe('fr');
    expect(config.contentRoot).toBe('content');
    expect(config.rules).toEqual({});
  });

  it('reads a valid file from a parent folder of the content root', async () => {
    const dir = makeTree({
      'guidekit.config.json': JSON.stringify({
        contentRoot: 'docs',
        sourceLocale: 'en',
        staticDir: 'public',
        localeAliases: { anglais: 'en' },
        keywords: { fr: { step: ['Phase'] } },
        rules: { 'content/missing-translation': 'off' },
        i18n: { linkLocalePatterns: ['/[a-z]{2}-[a-z]{2}/'] },
        formats: ['html', 'pdf'],
      }),
      'docs/fr/a.md': '# A',
    });
    const { config, diagnostics } = await loadConfig(path.join(dir, 'docs'), { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(config.configFile).toBe(path.join(dir, 'guidekit.config.json'));
    expect(config.baseDir).toBe(dir);
    expect(config.sourceLocale).toBe('en');
    expect(config.keywords).toEqual({ fr: { step: ['Phase'] } });
    expect(config.rules).toEqual({ 'content/missing-translation': 'off' });
  });

  it('reads the site title and URL, and places a relative URL at its key', async () => {
    const good = makeTree({ 'guidekit.config.json': JSON.stringify({ site: { title: '  Guides IT ', url: 'https://example.org/docs/' } }) });
    const read = await loadConfig(good, { cwd: good });
    expect(read.diagnostics).toEqual([]);
    expect(read.config.site).toEqual({ title: 'Guides IT', url: 'https://example.org/docs/' });

    const none = makeTree({ 'guidekit.config.json': '{}' });
    expect((await loadConfig(none, { cwd: none })).config.site).toEqual({});

    const text = '{\n  "site": {\n    "url": "/docs/"\n  }\n}\n';
    const bad = makeTree({ 'guidekit.config.json': text });
    const { config, diagnostics } = await loadConfig(bad, { cwd: bad });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'guidekit.config.json', line: 3, column: 12, ruleId: 'config/invalid', severity: 'error' });
    expect(diagnostics[0]?.message).toContain('absolute http:// or https:// URL');
    expect(config.site).toEqual({});
  });

  it('stops looking at the working directory', async () => {
    const dir = makeTree({ 'guidekit.config.json': '{}', 'site/content/fr/a.md': '# A' });
    const root = path.join(dir, 'site', 'content');
    expect(findConfigFile(root, path.join(dir, 'site'))).toBeUndefined();
    expect(findConfigFile(root, dir)).toBe(path.join(dir, 'guidekit.config.json'));
  });

  it('stops looking at a repository root', async () => {
    const dir = makeTree({ 'guidekit.config.json': '{}', 'repo/content/fr/a.md': '# A' });
    mkdirSync(path.join(dir, 'repo', '.git'));
    expect(findConfigFile(path.join(dir, 'repo', 'content'), '/')).toBeUndefined();
  });

  it('places an unknown key at the key, with the allowed keys in the message', async () => {
    const text = '{\n  "sourceLocale": "fr",\n  "sourceLocal": "en"\n}\n';
    const dir = makeTree({ 'guidekit.config.json': text });
    const { config, diagnostics } = await loadConfig(dir, { cwd: dir });
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ file: 'guidekit.config.json', line: 3, column: 3, endLine: 3, endColumn: 16, ruleId: 'config/invalid', severity: 'error' });
    expect(d?.message).toMatch(/^Unexpected key `sourceLocal`, expected one of .*`sourceLocale`/);
    expect(config.sourceLocale).toBe('fr');
  });

  it('places nested unknown keys and bad values at their line and column', async () => {
    const text = [
      '{',
      '  "rules": {',
      '    "content/missing-image": "warning"',
      '  },',
      '  "i18n": { "linkPatterns": [] },',
      '  "keywords": { "fr": { "steps": ["Phase"] } },',
      '  "sourceLocale": "not a language"',
      '}',
    ].join('\n');
    const dir = makeTree({ 'guidekit.config.json': text });
    const { diagnostics } = await loadConfig(dir, { cwd: dir });
    const places = diagnostics.map((d) => [d.line, d.column, (d.data as { path: string[] }).path.join('.')]);
    expect(places.sort()).toEqual(
      [
        [3, 30, 'rules.content/missing-image'],
        [5, 13, 'i18n.linkPatterns'],
        [6, 25, 'keywords.fr.steps'],
        [7, 19, 'sourceLocale'],
      ].sort(),
    );
    expect(diagnostics.every((d) => d.ruleId === 'config/invalid')).toBe(true);
  });

  it('reports JSON syntax errors at their place', async () => {
    const dir = makeTree({ 'guidekit.config.json': '{\n  "sourceLocale": "fr",\n}\n' });
    const { diagnostics } = await loadConfig(dir, { cwd: dir });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'config/invalid', line: 3, column: 1 });
    expect(diagnostics[0]?.message).toMatch(/^Unexpected JSON syntax/);
  });

  it('reads an .mjs configuration and validates it too', async () => {
    const dir = makeTree({ 'guidekit.config.mjs': 'export default { sourceLocale: "en", rules: { "x/y": "warn" } };\n' });
    const good = await loadConfig(dir, { cwd: dir });
    expect(good.diagnostics).toEqual([]);
    expect(good.config.sourceLocale).toBe('en');
    writeFileSync(path.join(dir, 'bad.config.mjs'), 'export default { colour: "red" };\n');
    const bad = await loadConfig(dir, { cwd: dir, configFile: path.join(dir, 'bad.config.mjs') });
    expect(bad.diagnostics.map((d) => [d.ruleId, d.message.split(',')[0]])).toEqual([['config/invalid', 'Unexpected key `colour`']]);
  });

  it('reports an explicit file that does not exist', async () => {
    const dir = makeTree({});
    const { diagnostics } = await loadConfig(dir, { cwd: dir, configFile: path.join(dir, 'nope.json') });
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['config/invalid']);
  });

  it('types configurations with defineConfig and rejects unknown keys in the schema', () => {
    expect(defineConfig({ sourceLocale: 'de' })).toEqual({ sourceLocale: 'de' });
    expect(GuidekitConfigSchema.safeParse({ extra: 1 }).success).toBe(false);
  });
});

describe('guidekit.config.schema.json', () => {
  it('is generated from the zod schema and up to date', async () => {
    const { configJsonSchema } = await import('../src/lib/config.js');
    const { existsSync, readFileSync, writeFileSync: write } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const file = fileURLToPath(new URL('../guidekit.config.schema.json', import.meta.url));
    const expected = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    if (process.env['UPDATE'] || !existsSync(file)) write(file, expected);
    expect(readFileSync(file, 'utf8'), 'stale: run `UPDATE=1 pnpm --filter @guidekit/content test`').toBe(expected);
  });

  it('accepts and rejects the same files as the zod schema', async () => {
    const { configJsonSchema } = await import('../src/lib/config.js');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const validate = new Ajv2020({ strict: false }).compile(configJsonSchema());
    const cases: unknown[] = [
      {},
      { sourceLocale: 'en', rules: { 'content/missing-image': 'warn', x: 2 }, keywords: { fr: { step: ['Phase'] } } },
      { sourceLocal: 'en' },
      { i18n: { linkPatterns: [] } },
      { keywords: { fr: { steps: ['x'] } } },
      { rules: { x: 'warning' } },
      { formats: ['html', 'docx'] },
      { site: { title: 'Guides IT', url: 'https://example.org/docs/' } },
      { site: { url: '/docs/' } },
      { site: { url: 'ftp://example.org/' } },
      { site: { title: '' } },
      { site: { name: 'x' } },
    ];
    const verdicts = cases.map((c) => [validate(c), GuidekitConfigSchema.safeParse(c).success]);
    expect(verdicts).toEqual([
      [true, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
  });
});
