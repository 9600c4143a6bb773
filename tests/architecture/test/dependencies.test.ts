import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
// The rule set the project runs on itself, so the fixture proves these very rules can fail.
const { default: ruleSet } = (await import(path.join(repo, '.dependency-cruiser.cjs'))) as {
  default: { forbidden: unknown[]; options: Record<string, unknown> };
};

/** Cruise `folders` under `baseDir` with the project's rules; the violations, as `rule: from → to`. */
async function violations(baseDir: string, folders: string[]): Promise<{ found: string[]; modules: number }> {
  const { output } = await cruise(folders, {
    ...ruleSet.options,
    validate: true,
    ruleSet: { forbidden: ruleSet.forbidden },
    baseDir,
  } as never);
  const result = output as ICruiseResult;
  const found = result.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
  return { found, modules: result.summary.totalCruised };
}

describe('the dependency direction', () => {
  it('holds on the tree: every package imports only the layers below it, and no app', async () => {
    const { found, modules } = await violations(repo, ['packages/*/src', 'apps/*/src']);
    expect(found).toEqual([]);
    // Not vacuous: every source file of the tree was cruised.
    expect(modules).toBeGreaterThan(150);
  }, 120_000);

  it('fails on deliberate bad imports (test/fixtures/bad-imports)', async () => {
    const { found } = await violations(path.join(here, 'fixtures', 'bad-imports'), ['packages', 'apps']);
    expect(found).toEqual([
      'package-not-in-the-layer-table: packages/unplaced/src/index.ts → packages/model/src/index.ts',
      'packages-never-import-apps: packages/content/src/index.ts → apps/tool/src/cli.ts',
      'report-imports-only-model: packages/report/src/index.ts → packages/content/src/index.ts',
    ]);
  }, 120_000);
});
