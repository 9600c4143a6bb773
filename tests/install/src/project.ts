import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './run.js';
import { packPackage, publishablePackages, type WorkspacePackage, workspaceRoot } from './workspace.js';

/** A fresh npm project outside the workspace with every package installed from its tarball. */
export interface InstalledProject {
  /** The project folder (in the system's temp folder). */
  dir: string;
  /** Folder of the tarballs. */
  tarballs: string;
  /** Package → its tarball. */
  packed: Map<WorkspacePackage, string>;
  /** How long `npm install` took, in ms. */
  installMs: number;
}

/** Third-party versions the consumer project installs, pinned as the workspace pins them. */
function workspaceVersion(name: string): string {
  const root = JSON.parse(readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const version = root.devDependencies[name];
  if (!version) throw new Error(`the workspace root pins no ${name}`);
  return version;
}

/**
 * Pack every publishable package, then create a project in a new temp folder whose dependencies
 * are those tarballs (and `overrides` point every `@guidekit/*` dependency between them at the
 * tarballs too: nothing comes from a registry or a workspace link), copy the fixture tree in, and
 * `npm install` with plain npm. Third-party dependencies come from the registry (npm's cache first).
 *
 * @param fixture Folder copied into the project (content trees, a consumer file, a tsconfig).
 * @returns The project.
 */
export function createInstalledProject(fixture: string): InstalledProject {
  const base = mkdtempSync(path.join(os.tmpdir(), 'guidekit-install-'));
  const tarballs = path.join(base, 'tarballs');
  const dir = path.join(base, 'project');
  mkdirSync(tarballs);
  mkdirSync(dir);
  const packed = new Map<WorkspacePackage, string>();
  for (const pkg of publishablePackages()) {
    // One folder per package: `@guidekit/i18n` and `guidekit-i18n` both pack to guidekit-i18n-<version>.tgz.
    const dest = path.join(tarballs, pkg.name.replace('/', '__'));
    mkdirSync(dest);
    packed.set(pkg, packPackage(pkg, dest));
  }
  const deps = Object.fromEntries([...packed].map(([pkg, file]) => [pkg.name, `file:${file}`]));
  const manifest = {
    name: 'guidekit-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: deps,
    devDependencies: { typescript: workspaceVersion('typescript'), '@types/node': workspaceVersion('@types/node') },
    overrides: deps,
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(fixture, dir, { recursive: true });
  const started = Date.now();
  // Peer dependencies (vite for @guidekit/vite, optional) are left to the user, as npm would ask.
  const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=peer', '--loglevel=error'], dir);
  if (install.status !== 0) throw new Error(`npm install failed (${install.status}):\n${install.stderr}`);
  return { dir, tarballs, packed, installMs: Date.now() - started };
}
