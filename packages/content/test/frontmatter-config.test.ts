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
      '4:16 config/invalid Unexpected value at `frontmatter.properties.title` (expected a field name other than the built-in `title`)',
    ]);
  });
});
