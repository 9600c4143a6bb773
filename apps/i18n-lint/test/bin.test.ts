import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en, fr, tree } from './tree.js';

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(app, 'bin.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: app });

describe('the built bin', () => {
  beforeAll(() => {
    // The bin imports dist/: build it when a plain `vitest run` comes first.
    if (!existsSync(path.join(app, 'dist/index.js'))) execFileSync('npx', ['tsup'], { cwd: app, stdio: 'ignore' });
  }, 120_000);

  it('prints help and exits 0', () => {
    const result = run('--help');
    if (result.status !== 0) console.log(result.stderr, result.stdout);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: guidekit-i18n');
    for (const command of ['lint', 'status', 'stamp', 'ack', 'scaffold']) expect(result.stdout).toContain(command);
  });

  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')) as { version: string };
    const result = run('--version');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('exits 2 on an unknown flag or a missing folder', () => {
    expect(run('lint', '--bogus').status).toBe(2);
    const missing = run('lint', 'no-such-folder');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no-such-folder');
  });

  it('stamps a translation given by absolute path, run from another folder', () => {
    const dir = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': en });
    const file = path.join(dir, 'content/en/guide.md');
    const result = spawnSync(process.execPath, [bin, 'stamp', file, '--no-cache'], { encoding: 'utf8', cwd: os.tmpdir() });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 stamped, 0 already up to date');
    expect(readFileSync(file, 'utf8')).toContain('translationOf:');
  });
});
