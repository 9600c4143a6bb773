import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { version } from '../../package.json';

/**
 * Version of `@guidekit/publish`; part of every input key and of the manifest, so upgrading
 * guidekit renders everything again rather than trusting outputs of another version.
 */
export const PUBLISH_VERSION: string = version;

/** Every script file under `dir`, sorted, recursively. */
function scripts(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) return scripts(abs, pattern);
    return pattern.test(name) ? [abs] : [];
  });
}

let fingerprint: string | undefined;

/**
 * What makes rendered output change besides the guides: the version and code of
 * `@guidekit/render`. The code that runs is hashed: its built chunks when this package runs from
 * `dist/` (the CLI, the bench), its sources when it runs from `src/` (tests in the workspace).
 * Hashing both would make a dist build re-render everything whenever someone edits render's
 * sources. Part of every key, so a renderer fix re-renders everything even before a version bump.
 */
export function rendererFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  let manifest: string | undefined;
  try {
    manifest = createRequire(import.meta.url).resolve('@guidekit/render/package.json');
  } catch {
    manifest = undefined;
  }
  if (manifest) {
    const dir = path.dirname(manifest);
    hash.update(readFileSync(manifest));
    const fromDist = import.meta.url.includes('/dist/');
    let files = fromDist ? scripts(path.join(dir, 'dist'), /\.js$/) : [];
    if (files.length === 0) files = scripts(path.join(dir, 'src'), /\.[cm]?[jt]s$/);
    for (const file of files) hash.update(readFileSync(file));
  }
  fingerprint = hash.digest('hex').slice(0, 16);
  return fingerprint;
}
