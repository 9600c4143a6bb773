import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const biome = path.resolve(here, '../node_modules/.bin/biome');

/**
 * Paths already formatted with the project's Biome configuration. The rest of the tree is
 * formatted in one pass when every engineer has stopped; then this list becomes `['.']`.
 */
const FORMATTED = [
  'packages/cli-kit',
  'packages/report',
  'packages/render-pdf/src/lib/pool.ts',
  'packages/render-pdf/src/lib/gate.ts',
  'packages/render-pdf/src/lib/print-page.ts',
  'packages/content/src/lib/check.ts',
  'packages/content/src/lib/settle.ts',
  'packages/content/src/lib/directives.ts',
  'packages/content/test/check.test.ts',
  'apps/i18n-lint',
  'apps/docs/src/cli.ts',
  'apps/docs/src/commands/check.ts',
  'apps/docs/src/commands/rules.ts',
  'apps/docs/test/check.test.ts',
  'apps/docs/test/grammar.test.ts',
  'packages/content/test/directives-properties.test.ts',
  'tests/architecture',
];

function run(args: string[], cwd: string) {
  const result = spawnSync(biome, args, { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A throwaway project with the repository's Biome configuration and one file at `file`. */
function project(file: string, text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-biome-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  // No git in the copy: the configuration's .gitignore lookup is switched off.
  writeFileSync(
    path.join(dir, 'biome.jsonc'),
    readFileSync(path.join(repo, 'biome.jsonc'), 'utf8').replace('"enabled": true, "clientKind": "git"', '"enabled": false, "clientKind": "git"'),
  );
  mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('Biome', () => {
  it('finds no lint error in the tree', () => {
    const { status, output } = run(['lint', '--max-diagnostics=50', '.'], repo);
    expect(output).not.toMatch(/×/);
    expect(status).toBe(0);
  });

  it('finds the formatted paths formatted', () => {
    const { status, output } = run(['format', ...FORMATTED], repo);
    expect(output).not.toContain('Formatter would have printed');
    expect(status).toBe(0);
  });

  it('fails on a function over 80 lines in a package, and passes one of 78', () => {
    const fixtures = path.join(here, 'fixtures', 'lint');
    const long = project('packages/demo/src/too-long.ts', readFileSync(path.join(fixtures, 'too-long.ts'), 'utf8'));
    const failed = run(['lint', '.'], long);
    expect(failed.status).toBe(1);
    expect(failed.output).toContain('lint/complexity/noExcessiveLinesPerFunction');
    expect(failed.output).toMatch(/too many lines \(86\)\. Maximum allowed is 80/);
    const fine = project('packages/demo/src/long-but-fine.ts', readFileSync(path.join(fixtures, 'long-but-fine.ts'), 'utf8'));
    expect(run(['lint', '.'], fine).status).toBe(0);
  });
});
