import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Bumped when the entry layout changes, so old entries are ignored rather than misread. */
const ENTRY_FORMAT = 1;

/**
 * sha256 of a string or bytes, hex.
 *
 * @param data What to hash.
 * @returns The hex digest.
 */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let fingerprint: string | undefined;

/**
 * What makes parsed output change besides the file itself: the versions of guidekit's content
 * and parser packages plus a hash of the parser's code, so a parser fix invalidates the cache
 * even before a version bump (the packages move together while unreleased).
 *
 * @returns A stable hex string for this installation.
 */
export function guidekitFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  hash.update(`entry-format:${ENTRY_FORMAT}\n`);
  for (const pkg of ['@guidekit/content', '@guidekit/parser', '@guidekit/model']) {
    let manifest: string;
    try {
      manifest = require.resolve(`${pkg}/package.json`);
    } catch {
      hash.update(`${pkg}:missing\n`);
      continue;
    }
    const dir = path.dirname(manifest);
    hash.update(readFileSync(manifest));
    if (pkg === '@guidekit/content') continue;
    for (const file of codeFiles(dir)) {
      hash.update(file);
      hash.update(readFileSync(file));
    }
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** The built entry and, in a workspace checkout, the sources of a package. */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  const dist = path.join(dir, 'dist', 'index.js');
  if (existsSync(dist)) files.push(dist);
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
  walk(path.join(dir, 'src'));
  return files;
}

/**
 * The cache folder for a content root: `node_modules/.cache/guidekit` in the nearest
 * `node_modules` up from the root, else under `<cwd>/node_modules`.
 *
 * @param root Absolute content root.
 * @param cwd Fallback folder.
 * @returns The absolute cache folder (not created).
 */
export function defaultCacheDir(root: string, cwd: string = process.cwd()): string {
  let dir = path.resolve(root);
  for (;;) {
    const candidate = path.join(dir, 'node_modules');
    if (existsSync(candidate)) return path.join(candidate, '.cache', 'guidekit');
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(path.resolve(cwd), 'node_modules', '.cache', 'guidekit');
}

/** Outcome of reading one cache entry. */
export type CacheRead = { status: 'hit'; payload: string } | { status: 'miss' } | { status: 'corrupt' };

/**
 * One file per guide under a folder. An entry is a header line (format, key, payload checksum and
 * length) then the payload; anything that does not match — truncated, garbled, another key — is
 * reported `corrupt` (and deleted) or `miss`, never returned.
 */
export class GuideCache {
  /** Absolute folder of the entries. */
  readonly dir: string;
  #ready: Promise<void> | undefined;

  /** @param dir Absolute folder of the entries (created on first write). */
  constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Where the entry of a source file lives. Named after the file's absolute path (not its
   * content), so an edited file replaces its entry instead of piling up new ones.
   *
   * @param absPath Absolute path of the guide.
   * @returns Absolute path of the entry.
   */
  entryPath(absPath: string): string {
    return path.join(this.dir, `${sha256(absPath).slice(0, 40)}.json`);
  }

  /**
   * Read the entry of `absPath` if it was written for `key` and is intact.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key (content hash, versions, options).
   * @returns The payload on a hit; `corrupt` entries are deleted.
   */
  async read(absPath: string, key: string): Promise<CacheRead> {
    const file = this.entryPath(absPath);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return { status: 'miss' };
    }
    const newline = text.indexOf('\n');
    let header: { v?: unknown; key?: unknown; sha256?: unknown; length?: unknown } | undefined;
    try {
      header = newline > 0 ? (JSON.parse(text.slice(0, newline)) as typeof header) : undefined;
    } catch {
      header = undefined;
    }
    if (!header || header.v !== ENTRY_FORMAT || typeof header.key !== 'string') return this.#discard(file);
    // A well-formed entry for an older version of the file: a plain miss, overwritten later.
    if (header.key !== key) return { status: 'miss' };
    const payload = text.slice(newline + 1);
    if (payload.length !== header.length || sha256(payload) !== header.sha256) return this.#discard(file);
    return { status: 'hit', payload };
  }

  /**
   * Write an entry atomically (temp file in the same folder, then rename), so a reader never
   * sees half an entry even when two loads run at once.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key.
   * @param payload The serialized parse result.
   */
  async write(absPath: string, key: string, payload: string): Promise<void> {
    this.#ready ??= mkdir(this.dir, { recursive: true }).then(() => undefined);
    await this.#ready;
    const file = this.entryPath(absPath);
    const header = JSON.stringify({ v: ENTRY_FORMAT, key, sha256: sha256(payload), length: payload.length });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${header}\n${payload}`);
      await rename(temp, file);
    } catch {
      // A cache that cannot be written (read-only disk) only costs speed.
      await unlink(temp).catch(() => undefined);
    }
  }

  async #discard(file: string): Promise<CacheRead> {
    await unlink(file).catch(() => undefined);
    return { status: 'corrupt' };
  }
}
