import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { publishablePackages, workspaceRoot } from '../src/workspace.js';

describe('changesets', () => {
  test('.changeset/config.json sets the changelog writer and leaves private packages unversioned', () => {
    const config = JSON.parse(readFileSync(path.join(workspaceRoot, '.changeset', 'config.json'), 'utf8')) as Record<string, unknown>;
    expect(config.changelog).toBe('@changesets/cli/changelog');
    expect(config.access).toBe('public');
    expect(config.privatePackages).toEqual({ version: false, tag: false });
  });

  test.each(publishablePackages().map((pkg) => [pkg.name, pkg] as const))('%s has a CHANGELOG.md titled with its name', (name, pkg) => {
    const file = path.join(pkg.dir, 'CHANGELOG.md');
    expect(existsSync(file), `${name}: no CHANGELOG.md`).toBe(true);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# ${name}`);
  });
});
