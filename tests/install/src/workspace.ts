import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's root folder (this package sits at `tests/install`). */
export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A package of the workspace that is published. */
export interface WorkspacePackage {
  name: string;
  version: string;
  /** Absolute folder. */
  dir: string;
}

interface PnpmListEntry {
  name?: string;
  version?: string;
  path: string;
  private?: boolean;
}

/**
 * Every publishable package of the workspace, as pnpm itself lists them (`pnpm -r ls --json`),
 * so a package added or renamed (packages/build → packages/publish) needs no edit here. Private
 * packages (examples, tests, the root) are left out.
 *
 * @param root The workspace root.
 * @returns The packages, sorted by name.
 */
export function publishablePackages(root: string = workspaceRoot): WorkspacePackage[] {
  const out = execFileSync('pnpm', ['-r', 'ls', '--json', '--depth', '-1'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const entries = JSON.parse(out) as PnpmListEntry[];
  return entries
    .filter((e) => !e.private && e.name && e.version && path.resolve(e.path) !== path.resolve(root))
    .map((e) => ({ name: e.name as string, version: e.version as string, dir: e.path }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Every README.md of the repository that a reader meets: the root's and each workspace package's
 * (private ones too: the example app, these tests), as pnpm lists the workspace.
 *
 * @param root The workspace root.
 * @returns Absolute paths, the root README first.
 */
export function readmeFiles(root: string = workspaceRoot): string[] {
  const out = execFileSync('pnpm', ['-r', 'ls', '--json', '--depth', '-1'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const dirs = (JSON.parse(out) as PnpmListEntry[]).map((e) => path.resolve(e.path)).filter((dir) => dir !== path.resolve(root));
  return [root, ...dirs.sort()].map((dir) => path.join(dir, 'README.md')).filter((file) => existsSync(file));
}

/** Every file a package's `exports` point at (the `source` condition aside: it is not published). */
function exportTargets(dir: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { exports?: unknown };
  const targets = new Set<string>();
  const walk = (value: unknown, condition: string): void => {
    if (typeof value === 'string') {
      if (condition !== 'source' && !value.includes('*')) targets.add(path.posix.normalize(value));
    } else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, key);
  };
  walk(manifest.exports, '');
  return [...targets].sort();
}

/**
 * Pack one package the way it is published (`pnpm pack`: `workspace:*` becomes the version,
 * only `files` ship).
 *
 * @param pkg The package.
 * @param dest Folder the tarball is written to.
 * @returns The tarball's absolute path.
 * @throws Error when the package is not built (no `dist`, or an `exports` target missing from the tarball): run the build first.
 */
export function packPackage(pkg: WorkspacePackage, dest: string): string {
  if (!existsSync(path.join(pkg.dir, 'dist'))) {
    throw new Error(`${pkg.name} has no dist/: build the workspace first (pnpm turbo run build)`);
  }
  const out = execFileSync('pnpm', ['pack', '--pack-destination', dest, '--json'], { cwd: pkg.dir, encoding: 'utf8' });
  // pnpm prints the tarball's JSON summary; its `filename` is the tarball path.
  const summary = JSON.parse(out.slice(out.indexOf('{'))) as { filename: string; files?: { path: string }[] };
  const packed = new Set((summary.files ?? []).map((f) => f.path));
  const missing = exportTargets(pkg.dir).filter((target) => !packed.has(target));
  if (missing.length > 0) {
    // A build of the package running at the same time empties dist/ first: say so, not a resolve error later.
    throw new Error(`${pkg.name}: the tarball lacks ${missing.join(', ')}: build the package (and let a running build finish) first`);
  }
  return path.resolve(dest, summary.filename);
}
