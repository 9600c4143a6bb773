import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanSite, guide, makeTree } from './check-helpers.js';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(app, 'bin.mjs');

function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true }).map((f) => statSync(path.join(dir, String(f))).mtimeMs));
}

/** Run the built bin like a user would, outside vitest, with no TTY and CI unset. */
function run(args: string[], cwd: string) {
  const env = { ...process.env };
  delete env['CI'];
  return spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: 'utf8' });
}

describe('the built guidekit-docs bin', () => {
  beforeAll(() => {
    const dist = path.join(app, 'dist', 'index.js');
    if (!existsSync(dist) || statSync(dist).mtimeMs < newest(path.join(app, 'src'))) {
      execFileSync('npx', ['tsup'], { cwd: app, stdio: 'ignore' });
    }
  });

  it('prints help for check', () => {
    const result = run(['check', '--help'], app);
    expect(result.status).toBe(0);
    for (const flag of ['--reporter', '--output', '--max-warnings', '--quiet', '--config', '--no-cache']) expect(result.stdout).toContain(flag);
  });

  it('exits 2 with a sentence on a missing folder', () => {
    const result = run(['check', 'no-such-folder'], makeTree({}));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Content root `no-such-folder` is not a folder, expected a folder of guides/);
  });

  it('exits 1 on errors, 0 when clean, with nothing on stderr when not a TTY', () => {
    const dirty = makeTree({ ...cleanSite(), 'content/fr/b.md': guide('B', '\n![x](/img/none.png)\n'), 'content/en/b.md': guide('B') });
    const bad = run(['check', '--no-cache', '--reporter', 'github'], dirty);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^::error file=content\/fr\/b\.md,line=15,col=1/m);
    expect(bad.stderr).toBe('');
    const clean = run(['check', '--no-cache'], makeTree(cleanSite()));
    expect(clean.status).toBe(0);
    expect(clean.stderr).toBe('');
  });

  it('lists the rules, and prints a usage error as one line and where the help is', () => {
    const rules = run(['rules'], app);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toMatch(/^content\/missing-image +error/m);
    const bad = run(['check', '--reporter', 'xml'], app);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split('\n')).toEqual([
      "guidekit-docs check: option '-r, --reporter <name>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github.",
      'See `guidekit-docs check --help`.',
    ]);
  });
});
