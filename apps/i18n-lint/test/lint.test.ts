import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLint, UsageError } from '../src/index.js';
import { en, fr, tree } from './tree.js';

const opts = { cache: false, history: false } as const;

describe('runLint', () => {
  it('reports a difference with the translation place and the source place, exit 1', async () => {
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': en });
    const result = await runLint({ ...opts, cwd: root, reporter: 'json' });
    expect(result.code).toBe(1);
    expect(
      result.diagnostics.map((d) => [d.ruleId, path.relative(root, d.file), d.line, d.column, path.relative(root, d.related!.file), d.related!.line]),
    ).toEqual([['i18n/image-mismatch', 'content/en/guide.md', 9, 1, 'content/fr/guide.md', 9]]);
    const json = JSON.parse(result.output) as { ruleId: string }[];
    expect(json.map((d) => d.ruleId)).toEqual(['i18n/image-mismatch']);
  });

  it('takes severities from guidekit.config.json, with or without the rule prefix', async () => {
    const root = tree({
      'guidekit.config.json': JSON.stringify({ contentRoot: 'content', rules: { 'image-mismatch': 'warn' } }),
      'content/fr/guide.md': fr,
      'content/en/guide.md': en,
    });
    const warned = await runLint({ ...opts, cwd: root });
    expect(warned.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['i18n/image-mismatch', 'warning']]);
    expect(warned.code).toBe(0);
    expect((await runLint({ ...opts, cwd: root, maxWarnings: 0 })).code).toBe(1);
    expect((await runLint({ ...opts, cwd: root, quiet: true })).diagnostics).toEqual([]);
  });

  it('honours inline disable comments in the translation', async () => {
    const silenced = en.replace('![image](/images/b.png)', '<!-- guidekit-disable-next-line i18n/image-mismatch -->\n![image](/images/b.png)');
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': silenced });
    const result = await runLint({ ...opts, cwd: root });
    expect(result.diagnostics).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('limits the run to --target locales and --source', async () => {
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': en, 'content/de/guide.md': fr.replace('Étape', 'Schritt') });
    const onlyEn = await runLint({ ...opts, cwd: root, source: 'fr', target: ['en'] });
    expect(new Set(onlyEn.diagnostics.map((d) => path.relative(root, d.file)))).toEqual(new Set(['content/en/guide.md']));
  });

  it('writes SARIF for code scanning', async () => {
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': en });
    const result = await runLint({ ...opts, cwd: root, reporter: 'sarif' });
    const sarif = JSON.parse(result.output) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('guidekit-i18n');
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(['i18n/image-mismatch']);
  });

  it('turns caller mistakes into usage errors', async () => {
    const root = tree({ 'content/fr/guide.md': fr });
    await expect(runLint({ ...opts, cwd: root, reporter: 'nope' })).rejects.toThrow(UsageError);
    await expect(runLint({ ...opts, cwd: root, root: 'missing' })).rejects.toThrow(UsageError);
    await expect(runLint({ ...opts, cwd: root, source: 'not a locale' })).rejects.toThrow(UsageError);
    await expect(runLint({ ...opts, cwd: root, config: 'absent.json' })).rejects.toThrow(UsageError);
  });

  it('exits 2 on an invalid configuration', async () => {
    const root = tree({ 'guidekit.config.json': '{"sourceLocal": "fr"}', 'content/fr/guide.md': fr });
    const result = await runLint({ ...opts, cwd: root });
    expect(result.code).toBe(2);
    expect(result.diagnostics[0]?.ruleId).toBe('config/invalid');
  });
});
