import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { version } from '../../package.json';

/**
 * Version of `@guidekit/build`; part of every input key and of the manifest, so upgrading
 * guidekit renders everything again rather than trusting outputs of another version.
 */
export const BUILD_VERSION: string = version;

let fingerprint: string | undefined;

/**
 * What makes rendered output change besides the guides: the version and code of
 * `@guidekit/render` (its built entry and, in a workspace checkout, its sources). Part of every
 * key, so a renderer fix re-renders everything even before a version bump.
 */
export function rendererFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const require = createRequire(import.meta.url);
  let manifest: string | undefined;
  try {
    manifest = require.resolve('@guidekit/render/package.json');
  } catch {
    manifest = undefined;
  }
  if (manifest) {
    const dir = path.dirname(manifest);
    hash.update(readFileSync(manifest));
    // Hash the code that runs: the built entry when this package runs from dist/ (the CLI, the
    // bench), the sources when it runs from src/ (tests in the workspace). Hashing both would
    // make a dist build re-render everything whenever someone edits render's sources.
    const fromDist = import.meta.url.includes('/dist/');
    const files: string[] = [];
    const dist = path.join(dir, 'dist', 'index.js');
    if (fromDist && existsSync(dist)) files.push(dist);
    const walk = (d: string): void => {
      let names: string[];
      try {
        names = readdirSync(d).sort();
      } catch {
        return;
      }
      for (const name of names) {
        const abs = path.join(d, name);
        if (statSync(abs).isDirectory()) walk(abs);
        else if (/\.[cm]?[jt]s$/.test(name)) files.push(abs);
      }
    };
    if (files.length === 0) walk(path.join(dir, 'src'));
    for (const file of files) hash.update(readFileSync(file));
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}
