import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { workspaceRoot } from '../src/workspace.js';

// Dependencies a package declares but does not import, left for the package's owner to remove
// (a dependency in this list that is imported again makes the test fail, so the list only shrinks).
const KNOWN_UNUSED: Record<string, string[]> = {};

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
}

/** The text of every module a package ships or runs: `src/**` and the scripts at its root (`bin.mjs`). */
function moduleTexts(dir: string): string {
  const files = existsSync(path.join(dir, 'src'))
    ? readdirSync(path.join(dir, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, 'src', f))
    : [];
  files.push(...readdirSync(dir).map((f) => path.join(dir, f)));
  return files
    .filter((file) => /\.(ts|tsx|mts|js|mjs|cjs)$/.test(file) && !file.endsWith('.config.ts'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}

/** Whether `text` imports `dep` (or a subpath of it); `@types/x` counts as imported when `x` is. */
function imports(text: string, dep: string): boolean {
  const name = dep.startsWith('@types/') ? dep.slice('@types/'.length).replace(/^([^_]+)__/, '@$1/') : dep;
  const quoted = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(?:from|import|require)\\s*\\(?\\s*['"]${quoted}(?:/[^'"]*)?['"]`).test(text);
}

const packages = ['packages', 'apps'].flatMap((group) =>
  readdirSync(path.join(workspaceRoot, group))
    .map((name) => path.join(workspaceRoot, group, name))
    .filter((dir) => existsSync(path.join(dir, 'package.json'))),
);

describe('every dependency a package declares is imported by its code', () => {
  test.each(packages.map((dir) => [path.relative(workspaceRoot, dir), dir]))('%s', (_name, dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    const text = moduleTexts(dir);
    const unused = Object.keys(manifest.dependencies ?? {}).filter((dep) => !imports(text, dep));
    expect(unused, 'remove it from dependencies (or import it)').toEqual(KNOWN_UNUSED[manifest.name] ?? []);
  });
});
