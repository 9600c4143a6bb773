import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Bumped when the entry layout changes, so old entries are ignored rather than misread. */
const ENTRY_FORMAT = 3;

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
 * and parser packages plus a hash of the parser's and model's code (the built files, and the
 * sources too when running from source), so a parser fix invalidates the cache even before a
 * version bump (the packages move together while unreleased).
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

// Running from TypeScript sources (a test runner) means the parser may be loaded from its
// sources too (and from its dist in workers); running built means only dists are used.
const fromSource = import.meta.url.endsWith('.ts');

/** The code of a package that this process can run: its built entry, plus its sources when running from source. */
function codeFiles(dir: string): string[] {
  const files: string[] = [];
  const dist = path.join(dir, 'dist', 'index.js');
  if (existsSync(dist)) files.push(dist);
  if (!fromSource) return files;
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
export type CacheRead =
  | {
      status: 'hit';
      /** The small part every load needs (diagnostics, slug, images...), as JSON text. */
      summary: string;
      /** The large part (the guide), as UTF-8 JSON bytes, decoded only when the guide is used. */
      payload: Buffer;
    }
  | { status: 'miss' }
  | { status: 'corrupt' };

/** Outcome of {@link GuideCache.readSummary}: a hit gives the summary only. */
export type SummaryRead = { status: 'hit'; summary: string } | { status: 'miss' } | { status: 'corrupt' };

interface EntryHeader {
  v: number;
  key: string;
  /** Byte length and sha256 of the summary, then of the payload. */
  summary: [number, string];
  payload: [number, string];
}

/**
 * One file per guide under a folder. An entry is a header line (format, key, byte length and
 * sha256 of each part), a summary line, then the payload. Anything that does not match —
 * truncated, garbled, another format — is reported `corrupt` (and deleted); an intact entry for
 * another key is a `miss`. Checksums are computed on bytes, which is several times faster than
 * hashing decoded strings, and the payload is not decoded here: a no-op load only needs summaries.
 */
export class GuideCache {
  /** Absolute folder of the entries. */
  readonly dir: string;
  #readySync = false;

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
   * Read the entry of `absPath` if it was written for `key` and is intact. Synchronous: reading a
   * few thousand small files this way costs a fraction of the promise-based equivalent.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key (content hash, versions, options).
   * @returns The summary and payload on a hit; `corrupt` entries are deleted.
   */
  read(absPath: string, key: string): CacheRead {
    const file = this.entryPath(absPath);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return { status: 'miss' };
    }
    const parts = this.#parts(file, bytes, key);
    if ('status' in parts) return parts;
    return { status: 'hit', summary: parts.summary.toString('utf8'), payload: parts.payload };
  }

  /**
   * Check an entry whole, like {@link GuideCache.read}, but give only its summary. The entry is
   * read into one buffer reused from call to call: a load checks thousands of entries and keeps
   * none of their payloads, and a fresh buffer per entry (a hundred megabytes in all for 2,000
   * guides) would sit in the process's memory long after it was let go.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key.
   * @returns The summary on a hit; `corrupt` entries are deleted.
   */
  readSummary(absPath: string, key: string): SummaryRead {
    const file = this.entryPath(absPath);
    let bytes: Buffer;
    try {
      bytes = this.#readIntoScratch(file);
    } catch {
      return { status: 'miss' };
    }
    const parts = this.#parts(file, bytes, key);
    if ('status' in parts) return parts;
    return { status: 'hit', summary: parts.summary.toString('utf8') };
  }

  #scratch = Buffer.allocUnsafe(0);

  /** The whole file, in the scratch buffer (grown when too small); valid until the next call. */
  #readIntoScratch(file: string): Buffer {
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      if (this.#scratch.length < size) this.#scratch = Buffer.allocUnsafe(Math.max(size, this.#scratch.length * 2, 256 * 1024));
      let read = 0;
      while (read < size) {
        const n = readSync(fd, this.#scratch, read, size - read, read);
        if (n === 0) break; // Shrunk meanwhile: the length check below calls it corrupt.
        read += n;
      }
      return this.#scratch.subarray(0, read);
    } finally {
      closeSync(fd);
    }
  }

  /** The summary and payload of an entry's bytes, or why there are none (corrupt entries are deleted). */
  #parts(file: string, bytes: Buffer, key: string): { summary: Buffer; payload: Buffer } | { status: 'miss' } | { status: 'corrupt' } {
    const first = bytes.indexOf(10);
    let header: Partial<EntryHeader> | undefined;
    try {
      header = first > 0 ? (JSON.parse(bytes.toString('utf8', 0, first)) as Partial<EntryHeader>) : undefined;
    } catch {
      header = undefined;
    }
    // An intact entry from another entry format (an older guidekit): a plain miss, overwritten later.
    if (header && typeof header.v === 'number' && header.v !== ENTRY_FORMAT) return { status: 'miss' };
    if (!header || typeof header.key !== 'string' || !Array.isArray(header.summary) || !Array.isArray(header.payload)) {
      return this.#discard(file);
    }
    // A well-formed entry for an older version of the file: a plain miss, overwritten later.
    if (header.key !== key) return { status: 'miss' };
    const [summaryLength, summarySha] = header.summary;
    const [payloadLength, payloadSha] = header.payload;
    const summaryStart = first + 1;
    const payloadStart = summaryStart + summaryLength + 1;
    if (payloadStart + payloadLength !== bytes.length || bytes[payloadStart - 1] !== 10) return this.#discard(file);
    const summary = bytes.subarray(summaryStart, summaryStart + summaryLength);
    const payload = bytes.subarray(payloadStart);
    if (sha256(summary) !== summarySha || sha256(payload) !== payloadSha) return this.#discard(file);
    return { summary, payload };
  }

  /**
   * Write an entry atomically (temp file in the same folder, then rename), so a reader never
   * sees half an entry even when two loads run at once. Synchronous: a load writes each entry as
   * its parse arrives and lets the guide go, instead of queueing thousands of pending writes that
   * hold their bytes. A cache that cannot be written (read-only disk) only costs speed.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key.
   * @param summary The summary JSON text.
   * @param payload The guide as UTF-8 JSON bytes.
   * @returns Whether the entry was written.
   */
  writeSync(absPath: string, key: string, summary: string, payload: Uint8Array): boolean {
    const file = this.entryPath(absPath);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      if (!this.#readySync) {
        mkdirSync(this.dir, { recursive: true });
        this.#readySync = true;
      }
      const fd = openSync(temp, 'w');
      try {
        // Header and summary, then the payload as it came (no concatenated copy of the guide).
        const parts = entryParts(key, summary, payload);
        for (const part of parts) writeAll(fd, part);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, file);
      return true;
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // Never written.
      }
      return false;
    }
  }

  #discard(file: string): CacheRead {
    try {
      unlinkSync(file);
    } catch {
      // Already gone, or read-only: it will be overwritten or ignored.
    }
    return { status: 'corrupt' };
  }
}

/** An entry's parts, in order: header line (format, key, length and sha256 of each part), summary, payload. */
function entryParts(key: string, summary: string, payload: Uint8Array): Uint8Array[] {
  const summaryBytes = Buffer.from(summary, 'utf8');
  const header: EntryHeader = {
    v: ENTRY_FORMAT,
    key,
    summary: [summaryBytes.length, sha256(summaryBytes)],
    payload: [payload.byteLength, sha256(payload)],
  };
  return [Buffer.from(`${JSON.stringify(header)}\n`), summaryBytes, Buffer.from('\n'), payload];
}

/** Write every byte of `data` at the file's current position (a write may be short). */
function writeAll(fd: number, data: Uint8Array): void {
  let offset = 0;
  while (offset < data.byteLength) offset += writeSync(fd, data, offset, data.byteLength - offset);
}
