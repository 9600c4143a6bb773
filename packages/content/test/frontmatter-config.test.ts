import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { loadConfig } from '../src/lib/config.js';

function tree(config: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-fm-config-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'guidekit.config.json'), config);
  return dir;
}

describe('guidekit.config.json `frontmatter`: project-declared fields', () => {
  test('a JSON Schema fragment is read as written', async () => {
    const frontmatter = { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] } }, required: ['difficulty'] };
    const dir = tree(JSON.stringify({ frontmatter }));
    const { config, diagnostics } = await loadConfig(dir, { cwd: dir });
    expect(diagnostics).toEqual([]);
    expect(config.frontmatter).toEqual(frontmatter);
  });

  test('a built-in field name is a config/invalid error at its key', async () => {
    const dir = tree('{\n  "frontmatter": {\n    "properties": {\n      "title": { "type": "number" }\n    }\n  }\n}\n');
    const { diagnostics } = await loadConfig(dir, { cwd: dir });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      '4:16 config/invalid Unexpected object at `frontmatter.properties.title`, expected a field name other than the built-in `title`',
    ]);
  });
});

describe('declared fields and the unknown-key rule through check()', () => {
  async function checkTree(config: object, guide: string) {
    const { mkdirSync } = await import('node:fs');
    const { check } = await import('../src/lib/check.js');
    const dir = tree(JSON.stringify(config));
    mkdirSync(path.join(dir, 'content', 'fr'), { recursive: true });
    writeFileSync(path.join(dir, 'content', 'fr', 'guide.md'), guide);
    const { diagnostics } = await check('content', { cwd: dir, cache: false });
    return diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
  }
  const guide = '---\ntitle: Activer la MFA\ndifficulty: extreme\nweight: 3\n---\n\n##### Étape 1 : Ouvrir le portail\nTexte.\n';
  const frontmatter = { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] } }, required: ['difficulty'] };

  test('a declared field is checked; an undeclared one is a warning at its key', async () => {
    expect(await checkTree({ sourceLocale: 'fr', frontmatter }, guide)).toEqual(['3:13 error parse/frontmatter-type', '4:1 warning frontmatter/unknown-key']);
  });

  test('frontmatter/unknown-key follows the rule settings: off, error', async () => {
    expect(await checkTree({ sourceLocale: 'fr', frontmatter, rules: { 'frontmatter/unknown-key': 'off' } }, guide)).toEqual([
      '3:13 error parse/frontmatter-type',
    ]);
    expect(await checkTree({ sourceLocale: 'fr', frontmatter, rules: { 'frontmatter/unknown-key': 'error' } }, guide)).toEqual([
      '3:13 error parse/frontmatter-type',
      '4:1 error frontmatter/unknown-key',
    ]);
  });

  test('a required declared field missing is an error', async () => {
    expect(await checkTree({ sourceLocale: 'fr', frontmatter }, '---\ntitle: T\n---\nTexte.\n')).toEqual(['1:1 error frontmatter/missing-key']);
  });
});
