import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Bumped when the layout changes, so an old cache is ignored rather than misread. */
const ENTRY_FORMAT = 5;

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
// sources too (and from its dist when a guide is parsed again on demand); running built means only dists are used.
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

/**
 * Where an entry lives. An entry is a file of its own: `pack` is that file, `offset` 0 and
 * `length` its size (the shape is the one of the pack cache this replaced, kept for its callers).
 */
export interface EntryLocation {
  pack: string;
  offset: number;
  length: number;
}

interface EntryHeader {
  v: number;
  key: string;
  /** Byte length and sha256 of the summary, then of the payload. */
  summary: [number, string];
  payload: [number, string];
}

/** The folder of the entries, named after their format: a cache of another layout is never read. */
const ENTRIES = `v${ENTRY_FORMAT}`;
/** An entry file's name: the hash of the guide's absolute path. */
const ENTRY = /^[0-9a-f]{40}\.gke$/;
/** What a summary read takes at first: the header and the summary of nearly every guide. */
const HEAD_BYTES = 64 * 1024;
/** A temporary file a killed write left is deleted once this old (younger, it may be another load's). */
const STALE_MS = 10 * 60_000;

/**
 * Write `parts` to a new file `tmp`, removed again if the write fails. Plain system calls, not
 * synced to disk (after a power cut the worst case is a damaged entry, parsed again), and no
 * signal handler per write: `write-file-atomic` (realpath, stat, a signal-exit registration per
 * file) cost 2.3 × as much for the 2,000 entries of a cold load (README, Cache). A temporary file
 * a killed load leaves is deleted by a later load (see `#prepare`).
 */
function writeAside(tmp: string, parts: readonly Uint8Array[]): void {
  try {
    writeFileSync(tmp, Buffer.concat(parts), { flag: 'wx' });
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/**
 * The parse cache: one file per guide (named after the hash of its path, so an edited guide
 * replaces its own file), holding a header line (format, the content-hash key the guide was
 * parsed under, byte length and sha256 of each part), the summary line, then the payload (the
 * guide's JSON). Each file is written aside and renamed into place, so a
 * reader sees a whole entry or none, even when a load is killed; an entry that does not check
 * out anyway (cut short, garbled, another format) is `corrupt`: parsed again and replaced.
 *
 * Why plain files: they need no index, no packs to compact and no merge of two loads' writes,
 * and measured as fast as the pack file they replaced (see the README's Cache section). A
 * summary read takes the header and the summary only, so a no-op load never reads payloads.
 */
export class GuideCache {
  /** Absolute folder of the cache (the entries are in a subfolder named after their format). */
  readonly dir: string;
  readonly #entries: string;
  #prepared = false;
  #scratch = Buffer.allocUnsafe(HEAD_BYTES);
  /** Temporary names unique to this process and cache: `<entry>.<pid>-<n>.tmp`. */
  #written = 0;

  /** @param dir Absolute folder of the cache (created on first write). */
  constructor(dir: string) {
    this.dir = dir;
    this.#entries = path.join(dir, ENTRIES);
  }

  /** The entry file of a source file. */
  #file(absPath: string): string {
    return path.join(this.#entries, `${sha256(absPath).slice(0, 40)}.gke`);
  }

  /**
   * Where the entry of a source file lives, if there is one.
   *
   * @param absPath Absolute path of the guide.
   * @returns Its file (`pack`), offset 0 and length, or `undefined`.
   */
  entryLocation(absPath: string): EntryLocation | undefined {
    const file = this.#file(absPath);
    try {
      return { pack: file, offset: 0, length: statSync(file).size };
    } catch {
      return undefined;
    }
  }

  /**
   * Read the entry of `absPath` if it was written for `key` and is intact, checked whole. A
   * damaged entry is deleted, so the next load parses the guide again and rewrites it.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key (content hash, versions, options).
   * @returns The summary and payload on a hit (the payload a view into a buffer nothing else holds).
   */
  read(absPath: string, key: string): CacheRead {
    const file = this.#file(absPath);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return { status: 'miss' };
    }
    const entry = splitEntry(bytes, bytes.length, key);
    if (entry === 'miss') return { status: 'miss' };
    if (entry === 'corrupt' || sha256(entry.payload) !== entry.payloadSha) {
      removeQuietly(file);
      return { status: 'corrupt' };
    }
    return { status: 'hit', summary: entry.summary.toString('utf8'), payload: entry.payload };
  }

  /**
   * The summary of the entry of `absPath` if it was written for `key`: reads the header and the
   * summary only (checked: lengths against the file's size, the summary's sha256), into one
   * buffer reused from call to call. The payload is checked when {@link GuideCache.read} reads it.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key.
   * @returns The summary on a hit.
   */
  readSummary(absPath: string, key: string): SummaryRead {
    let fd: number;
    try {
      fd = openSync(this.#file(absPath), 'r');
    } catch {
      return { status: 'miss' };
    }
    try {
      const size = fstatSync(fd).size;
      let head = readInto(fd, this.#scratch.subarray(0, Math.min(size, HEAD_BYTES)));
      const need = summaryEnd(head);
      if (need !== undefined && need > head.length && need <= size) {
        if (this.#scratch.length < need) this.#scratch = Buffer.allocUnsafe(need);
        head = readInto(fd, this.#scratch.subarray(0, need));
      }
      const entry = splitEntry(head, size, key);
      if (entry === 'miss' || entry === 'corrupt') return { status: entry };
      return { status: 'hit', summary: entry.summary.toString('utf8') };
    } catch {
      return { status: 'corrupt' };
    } finally {
      closeSync(fd);
    }
  }

  /**
   * Write the entry of `absPath`: aside, then renamed over the previous one. Synchronous: a load
   * writes each entry as its parse arrives and lets the guide go. A cache that cannot be written
   * (read-only disk) only costs speed.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key.
   * @param summary The summary JSON text.
   * @param payload The guide as UTF-8 JSON bytes.
   * @returns Whether the entry was written.
   */
  writeSync(absPath: string, key: string, summary: string, payload: Uint8Array): boolean {
    try {
      if (!this.#prepared) this.#prepare();
      const file = this.#file(absPath);
      const tmp = `${file}.${process.pid}-${this.#written++}.tmp`;
      writeAside(tmp, entryParts(key, summary, payload));
      renameSync(tmp, file);
      return true;
    } catch {
      return false;
    }
  }

  /** Kept for callers of the pack cache this replaced: entries are whole once written, there is nothing to flush. */
  flush(): void {}

  /** Create the folder; delete what a killed write or an older layout left. */
  #prepare(): void {
    mkdirSync(this.#entries, { recursive: true });
    this.#prepared = true;
    const now = Date.now();
    for (const name of readdirSync(this.#entries)) {
      if (ENTRY.test(name)) continue;
      const file = path.join(this.#entries, name);
      try {
        if (now - statSync(file).mtimeMs > STALE_MS) unlinkSync(file);
      } catch {
        // Renamed or deleted meanwhile by the load that wrote it.
      }
    }
    for (const name of readdirSync(this.dir)) {
      // The pack cache (index.json, pack-*.gkp), a file per entry before it, other formats' folders.
      if (name !== ENTRIES && /^(?:index\.json|pack-.*\.gkp|[0-9a-f]{40}\.json|v\d+)$/.test(name)) {
        try {
          rmSync(path.join(this.dir, name), { recursive: true, force: true });
        } catch {
          // In use elsewhere (Windows): left for the next load.
        }
      }
    }
  }
}

/** The entry's header line, parsed, and where the summary ends; `undefined` when it is not one. */
function headerOf(bytes: Buffer): { header: EntryHeader; start: number } | undefined {
  const first = bytes.indexOf(10);
  if (first <= 0) return undefined;
  let header: Partial<EntryHeader>;
  try {
    header = JSON.parse(bytes.toString('utf8', 0, first)) as Partial<EntryHeader>;
  } catch {
    return undefined;
  }
  const valid = (part: unknown): boolean => Array.isArray(part) && Number.isInteger(part[0]) && part[0] >= 0 && typeof part[1] === 'string';
  if (header.v !== ENTRY_FORMAT || typeof header.key !== 'string' || !valid(header.summary) || !valid(header.payload)) return undefined;
  return { header: header as EntryHeader, start: first + 1 };
}

/** The byte where an entry's summary line ends (with its newline), from its header. */
function summaryEnd(head: Buffer): number | undefined {
  const found = headerOf(head);
  return found && found.start + found.header.summary[0] + 1;
}

/**
 * The parts of an entry of `size` bytes whose first bytes (at least the header and summary) are
 * `bytes`: `miss` for an intact entry of another key, `corrupt` for anything that does not check
 * out (the payload's checksum is the caller's to test, on the whole entry).
 */
function splitEntry(bytes: Buffer, size: number, key: string): { summary: Buffer; payload: Buffer; payloadSha: string } | 'miss' | 'corrupt' {
  const found = headerOf(bytes);
  if (!found) return 'corrupt';
  const { header, start } = found;
  const [summaryLength, summarySha] = header.summary;
  const payloadStart = start + summaryLength + 1;
  // Fewer or more bytes than the header says (cut short, appended to) is as wrong as a bad checksum.
  if (payloadStart + header.payload[0] !== size || bytes.length < payloadStart || bytes[payloadStart - 1] !== 10) return 'corrupt';
  const summary = bytes.subarray(start, start + summaryLength);
  if (sha256(summary) !== summarySha) return 'corrupt';
  if (header.key !== key) return 'miss'; // An intact entry of an older version of the file: replaced later.
  return { summary, payload: bytes.subarray(payloadStart), payloadSha: header.payload[1] };
}

/** Fill `into` from the start of the file (fewer bytes when it is shorter). */
function readInto(fd: number, into: Buffer): Buffer {
  let read = 0;
  while (read < into.length) {
    const n = readSync(fd, into, read, into.length - read, read);
    if (n === 0) break;
    read += n;
  }
  return into.subarray(0, read);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Gone already.
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
