import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, describe, expect, test } from 'vitest';
import { packPackage, publishablePackages } from '../src/workspace.js';

// publint and attw read the tarball `pnpm pack` makes, i.e. exactly what a registry would serve.
const dir = mkdtempSync(path.join(os.tmpdir(), 'guidekit-pack-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const packages = publishablePackages();

describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s', (_name, pkg) => {
  const out = path.join(dir, pkg.name.replace('/', '__'));
  mkdirSync(out, { recursive: true });
  const tarball = packPackage(pkg, out);

  test('publint reports no error or warning', async () => {
    const bytes = readFileSync(tarball);
    const { messages, pkg: manifest } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }, level: 'warning', strict: true });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, manifest) ?? m.code}`)).toEqual([]);
  });

  test('attw (its ESM-only profile) finds no problem with the types', async () => {
    const result = await checkPackage(createPackageFromTarballData(new Uint8Array(readFileSync(tarball))));
    // The CLI's `--profile esm-only`: CommonJS resolutions (node10, node16-cjs) are not offered.
    const ignored = new Set(['node10', 'node16-cjs']);
    const problems = result.types ? result.problems.filter((p) => !('resolutionKind' in p) || !ignored.has(p.resolutionKind)) : [];
    expect(result.types, 'the package ships no types').not.toBe(false);
    expect(problems).toEqual([]);
  });
});
