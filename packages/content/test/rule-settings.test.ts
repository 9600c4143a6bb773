import { describe, expect, it } from 'vitest';
import { createDiagnostic } from '@guidekit/model';
import { applyRuleSettings, loadConfig, resolveRule } from '../src/index.js';
import { makeTree } from './helpers.js';

describe('resolveRule', () => {
  it('reads the level vocabulary: words, numbers, and the default when unset', () => {
    const rules = { a: 'off', 'x/b': 1, 'x/c': 'error', 'x/d': 0, e: 'warn' } as const;
    expect(resolveRule({ rules }, 'x/a', 'error').severity).toBeUndefined();
    expect(resolveRule({ rules }, 'x/b', 'error').severity).toBe('warning');
    expect(resolveRule({ rules }, 'x/c', 'warning').severity).toBe('error');
    expect(resolveRule({ rules }, 'x/d', 'error').severity).toBeUndefined();
    expect(resolveRule({ rules }, 'x/e', 'error').severity).toBe('warning');
    expect(resolveRule({ rules }, 'x/f', 'info').severity).toBe('info');
  });

  it('prefers the full id over the short one', () => {
    expect(resolveRule({ rules: { b: 'off', 'x/b': 'warn' } }, 'x/b', 'error').severity).toBe('warning');
  });

  it('takes options from [level, options], and overrides by path, the last one winning', () => {
    const settings = {
      rules: { 'i18n/code-mismatch': ['error', { comments: 'ignore' }] as const },
      overrides: [
        { files: 'reference/**', rules: { 'code-mismatch': ['warn', { comments: 'compare' }] as const } },
        { files: ['reference/legacy/*.md'], rules: { 'code-mismatch': 'off' as const } },
        { files: '*.mdx', excludedFiles: 'guides/**', rules: { 'code-mismatch': 2 as const } },
      ],
    };
    expect(resolveRule(settings, 'i18n/code-mismatch', 'error', 'guides/a.md')).toEqual({ severity: 'error', options: { comments: 'ignore' } });
    expect(resolveRule(settings, 'i18n/code-mismatch', 'error', 'reference/a.md')).toEqual({ severity: 'warning', options: { comments: 'compare' } });
    expect(resolveRule(settings, 'i18n/code-mismatch', 'error', 'reference/legacy/b.md').severity).toBeUndefined();
    expect(resolveRule(settings, 'i18n/code-mismatch', 'error', 'fr/x/page.mdx').severity).toBe('error');
    expect(resolveRule(settings, 'i18n/code-mismatch', 'warning', 'guides/page.mdx').options).toEqual({ comments: 'ignore' });
  });

  it('throws on an unvalidated typo (a programmer error)', () => {
    expect(() => resolveRule({ rules: { a: 'warning' as never } }, 'x/a', 'error')).toThrow(TypeError);
  });
});

describe('applyRuleSettings', () => {
  it('drops, keeps and remaps diagnostics by rule and file', () => {
    const d = (file: string, ruleId: string) => createDiagnostic({ file, ruleId, message: 'Unexpected x, expected y' });
    const list = [d('a.md', 'content/missing-image'), d('reference/b.md', 'content/missing-image'), d('a.md', 'other/rule')];
    const out = applyRuleSettings(list, { rules: { 'missing-image': 'warn' }, overrides: [{ files: 'reference/**', rules: { 'missing-image': 'off' } }] });
    expect(out.map((x) => `${x.file} ${x.ruleId} ${x.severity}`)).toEqual(['a.md content/missing-image warning', 'a.md other/rule error']);
  });
});

describe('the configuration file', () => {
  it('accepts options and overrides, and places a level typo at its value', async () => {
    const text = [
      '{',
      '  "rules": { "i18n/code-mismatch": ["error", { "comments": "ignore" }] },',
      '  "overrides": [',
      '    { "files": "reference/**", "rules": { "code-mismatch": "warnn" } }',
      '  ]',
      '}',
    ].join('\n');
    const dir = makeTree({ 'guidekit.config.json': text });
    const { diagnostics } = await loadConfig(dir, { cwd: dir });
    expect(diagnostics.map((x) => [x.ruleId, x.line, x.column])).toEqual([['config/invalid', 4, 60]]);
    expect(diagnostics[0]?.message).toBe(
      'Unexpected text `warnn` at `overrides.0.rules.code-mismatch`, expected off, warn, error, 0, 1, 2, or [level, { ...options }]',
    );
    const good = makeTree({ 'guidekit.config.json': text.replace('warnn', 'warn') });
    const { config, diagnostics: none } = await loadConfig(good, { cwd: good });
    expect(none).toEqual([]);
    expect(resolveRule(config, 'i18n/code-mismatch', 'error', 'reference/x.md')).toEqual({ severity: 'warning', options: { comments: 'ignore' } });
  });
});
