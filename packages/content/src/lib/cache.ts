import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

const require = createRequire(import.meta.url);

/** Bumped when the layout changes, so an old cache is ignored rather than misread. */
const ENTRY_FORMAT = 4;

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

/** Where an entry lives: its pack (absolute path), byte offset and length. */
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

/** An index record: the entry's key, pack file name, offset and length in that pack. */
type IndexRecord = [key: string, pack: string, offset: number, length: number];

const INDEX_FILE = 'index.json';
const PACK = /^pack-[\w-]+\.gkp$/;
/** Packs a cache keeps: a load that writes and finds more merges every live entry into one. */
const MAX_PACKS = 8;
/** A pack the index does not list is deleted once this old (younger, it may be another load's, still being written). */
const STALE_MS = 5 * 60_000;

/**
 * The parse cache: entries appended to pack files, found through one index. An entry is a
 * header line (format, key, byte length and sha256 of each part), a summary line, then the
 * payload; a load appends its new entries to one pack of its own and, at the end, merges its
 * records into `index.json` (written aside and renamed, so a reader never sees half of it).
 *
 * Why packs: creating a file is the costly part of writing a small one (a millisecond each on
 * some virtual disks), and a cold load of thousands of guides would create one per guide; a
 * no-op load reads one index and one pack instead of thousands of files.
 *
 * Anything that does not check out (truncated, garbled, another format) is `corrupt` and left out
 * of the index at the next flush; an intact entry for another key is a `miss`. Two loads at once
 * each write their own pack; the last to flush wins the index (the other's new entries are parsed
 * again next time). Checksums are computed on bytes, and the payload is not decoded here: a no-op
 * load only needs summaries.
 */
export class GuideCache {
  /** Absolute folder of the index and packs. */
  readonly dir: string;
  #records: Map<string, IndexRecord> | undefined;
  /** Records this instance wrote, merged into the index on flush. */
  readonly #written = new Map<string, IndexRecord>();
  /** Records found corrupt, left out of the index on flush (if nobody replaced them meanwhile). */
  readonly #dropped = new Map<string, IndexRecord>();
  #pack: { name: string; fd: number; size: number } | undefined;
  #scratch = Buffer.allocUnsafe(0);

  /** @param dir Absolute folder of the cache (created on first write). */
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The id of a source file's entry: named after the file's path, so an edited file replaces its entry. */
  #id(absPath: string): string {
    return sha256(absPath).slice(0, 40);
  }

  /** The index, read once (an unreadable or foreign index is an empty one: every lookup misses). */
  #index(): Map<string, IndexRecord> {
    this.#records ??= readIndex(path.join(this.dir, INDEX_FILE));
    return this.#records;
  }

  /**
   * Where the entry of a source file lives, if the index lists one.
   *
   * @param absPath Absolute path of the guide.
   * @returns Its pack, offset and length, or `undefined`.
   */
  entryLocation(absPath: string): EntryLocation | undefined {
    const record = this.#index().get(this.#id(absPath));
    return record ? { pack: path.join(this.dir, record[1]), offset: record[2], length: record[3] } : undefined;
  }

  /**
   * Read the entry of `absPath` if it was written for `key` and is intact.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key (content hash, versions, options).
   * @returns The summary and payload on a hit.
   */
  read(absPath: string, key: string): CacheRead {
    // A buffer of its own (never a slice of Node's shared pool): the payload may be moved to a thread.
    const parts = this.#check(absPath, key, (length) => Buffer.allocUnsafeSlow(length));
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
   * @returns The summary on a hit.
   */
  readSummary(absPath: string, key: string): SummaryRead {
    const parts = this.#check(absPath, key, (length) => {
      if (this.#scratch.length < length) this.#scratch = Buffer.allocUnsafe(Math.max(length, this.#scratch.length * 2, 256 * 1024));
      return this.#scratch.subarray(0, length);
    });
    if ('status' in parts) return parts;
    return { status: 'hit', summary: parts.summary.toString('utf8') };
  }

  /** The entry of `absPath` for `key`, read into the buffer `into` gives and checked whole. */
  #check(absPath: string, key: string, into: (length: number) => Buffer): { summary: Buffer; payload: Buffer } | { status: 'miss' } | { status: 'corrupt' } {
    const found = this.#find(absPath, key);
    if ('status' in found) return found;
    let bytes: Buffer;
    try {
      bytes = readAt(path.join(this.dir, found.record[1]), found.record[2], into(found.record[3]));
    } catch {
      return { status: 'miss' }; // The pack went away: parsed again, and the next flush forgets it.
    }
    return this.#parts(found.id, found.record, bytes);
  }

  #find(absPath: string, key: string): { id: string; record: IndexRecord } | { status: 'miss' } {
    const id = this.#id(absPath);
    const record = this.#index().get(id);
    // No entry, or one for an older version of the file: a plain miss, replaced later.
    return record && record[0] === key ? { id, record } : { status: 'miss' };
  }

  /** The summary and payload of an entry's bytes, or `corrupt` (and the record is dropped). */
  #parts(id: string, record: IndexRecord, bytes: Buffer): { summary: Buffer; payload: Buffer } | { status: 'corrupt' } {
    const first = bytes.indexOf(10);
    let header: Partial<EntryHeader> | undefined;
    try {
      header = first > 0 ? (JSON.parse(bytes.toString('utf8', 0, first)) as Partial<EntryHeader>) : undefined;
    } catch {
      header = undefined;
    }
    const ok = (): { summary: Buffer; payload: Buffer } | undefined => {
      // Fewer bytes than the index says (a pack cut short) is as wrong as a bad checksum.
      if (bytes.length !== record[3]) return undefined;
      if (!header || header.v !== ENTRY_FORMAT || header.key !== record[0] || !Array.isArray(header.summary) || !Array.isArray(header.payload)) return undefined;
      const [summaryLength, summarySha] = header.summary;
      const [payloadLength, payloadSha] = header.payload;
      const summaryStart = first + 1;
      const payloadStart = summaryStart + summaryLength + 1;
      if (payloadStart + payloadLength !== bytes.length || bytes[payloadStart - 1] !== 10) return undefined;
      const summary = bytes.subarray(summaryStart, summaryStart + summaryLength);
      const payload = bytes.subarray(payloadStart);
      if (sha256(summary) !== summarySha || sha256(payload) !== payloadSha) return undefined;
      return { summary, payload };
    };
    const parts = ok();
    if (parts) return parts;
    this.#index().delete(id);
    this.#dropped.set(id, record);
    return { status: 'corrupt' };
  }

  /**
   * Append an entry to this instance's pack (created on the first write). Synchronous: a load
   * writes each entry as its parse arrives and lets the guide go, instead of queueing thousands
   * of pending writes that hold their bytes. The index learns of it at {@link GuideCache.flush}.
   * A cache that cannot be written (read-only disk) only costs speed.
   *
   * @param absPath Absolute path of the guide.
   * @param key The full cache key.
   * @param summary The summary JSON text.
   * @param payload The guide as UTF-8 JSON bytes.
   * @returns Whether the entry was written.
   */
  writeSync(absPath: string, key: string, summary: string, payload: Uint8Array): boolean {
    try {
      if (!this.#pack) {
        mkdirSync(this.dir, { recursive: true });
        const name = newPackName();
        this.#pack = { name, fd: openSync(path.join(this.dir, name), 'wx'), size: 0 };
      }
    } catch {
      return false;
    }
    const pack = this.#pack;
    const parts = entryParts(key, summary, payload);
    const offset = pack.size;
    try {
      for (const part of parts) pack.size += writeAll(pack.fd, part, pack.size);
    } catch {
      // A short pack is never read past its last whole entry; a fresh pack takes the next ones.
      this.#closePack();
      return false;
    }
    const record: IndexRecord = [key, pack.name, offset, pack.size - offset];
    const id = this.#id(absPath);
    this.#written.set(id, record);
    this.#index().set(id, record);
    return true;
  }

  /**
   * Close this instance's pack and merge what it wrote (and found corrupt) into the index on
   * disk; merge the packs when there are too many, delete those nothing lists any more. Never
   * throws: a cache that cannot be updated only costs speed.
   */
  flush(): void {
    this.#closePack();
    if (this.#written.size === 0 && this.#dropped.size === 0) return;
    try {
      const file = path.join(this.dir, INDEX_FILE);
      // Another load may have flushed since this one read the index: start from the disk.
      const index = readIndex(file);
      for (const [id, record] of this.#dropped) {
        const now = index.get(id);
        if (now && now[1] === record[1] && now[2] === record[2]) index.delete(id);
      }
      for (const [id, record] of this.#written) index.set(id, record);
      const names = readdirSync(this.dir);
      const packs = new Set(names.filter((n) => PACK.test(n)));
      for (const [id, record] of index) if (!packs.has(record[1])) index.delete(id);
      let merged: Set<string> = new Set();
      if (packsOf(index).size > MAX_PACKS) merged = this.#merge(index);
      writeIndex(file, index);
      this.#records = index;
      const live = packsOf(index);
      const now = Date.now();
      for (const name of names) {
        const stale = (): boolean => {
          try {
            return now - statSync(path.join(this.dir, name)).mtimeMs > STALE_MS;
          } catch {
            return false;
          }
        };
        // Packs nothing lists (merged ones at once, others once surely not being written), index
        // files a killed load left aside, and entries of the previous layout (a file per guide).
        const old =
          (PACK.test(name) && !live.has(name) && (merged.has(name) || stale())) ||
          (/^(?:[0-9a-f]{40}\.json(?:\..*\.tmp)?|index\.json\..*\.tmp)$/.test(name) && stale());
        if (old) unlinkSync(path.join(this.dir, name));
      }
    } catch {
      // Read-only, removed meanwhile: the next load reads what is there.
    } finally {
      this.#written.clear();
      this.#dropped.clear();
    }
  }

  /** Copy every live entry into one new pack; returns the packs it emptied. */
  #merge(index: Map<string, IndexRecord>): Set<string> {
    const from = packsOf(index);
    const name = newPackName();
    const fd = openSync(path.join(this.dir, name), 'wx');
    let size = 0;
    try {
      for (const [id, record] of index) {
        let bytes: Buffer;
        try {
          bytes = readAt(path.join(this.dir, record[1]), record[2], Buffer.allocUnsafeSlow(record[3]));
        } catch {
          index.delete(id);
          continue;
        }
        size += writeAll(fd, bytes, size);
        index.set(id, [record[0], name, size - bytes.length, bytes.length]);
      }
    } finally {
      closeSync(fd);
    }
    return from;
  }

  #closePack(): void {
    if (!this.#pack) return;
    try {
      closeSync(this.#pack.fd);
    } catch {
      // Already closed.
    }
    this.#pack = undefined;
  }
}

/** A pack name no other load or process can take (matches {@link PACK}). */
function newPackName(): string {
  return `pack-${process.pid}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}.gkp`;
}

/** The packs an index's records point into. */
function packsOf(index: Map<string, IndexRecord>): Set<string> {
  return new Set([...index.values()].map((r) => r[1]));
}

/** The index file as records (empty when missing, unreadable, garbled or of another format). */
function readIndex(file: string): Map<string, IndexRecord> {
  const records = new Map<string, IndexRecord>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return records;
  }
  const index = parsed as { v?: unknown; entries?: unknown };
  if (!index || index.v !== ENTRY_FORMAT || typeof index.entries !== 'object' || index.entries === null) return records;
  for (const [id, r] of Object.entries(index.entries as Record<string, unknown>)) {
    if (Array.isArray(r) && r.length === 4 && typeof r[0] === 'string' && typeof r[1] === 'string' && PACK.test(r[1]) && Number.isInteger(r[2]) && Number.isInteger(r[3]) && r[2] >= 0 && r[3] > 0) {
      records.set(id, r as IndexRecord);
    }
  }
  return records;
}

/**
 * Write the index aside and rename it into place, so a reader never sees half of it. Not synced
 * to disk: after a power cut the worst case is an unreadable index, which is an empty cache.
 */
function writeIndex(file: string, index: Map<string, IndexRecord>): void {
  writeFileAtomic.sync(file, JSON.stringify({ v: ENTRY_FORMAT, entries: Object.fromEntries(index) }), { fsync: false });
}

/** Bytes of `file` from `offset` into `into`: all of `into`, or fewer when the file is shorter (a pack cut short). Throws when the file cannot be opened. */
function readAt(file: string, offset: number, into: Buffer): Buffer {
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < into.length) {
      const n = readSync(fd, into, read, into.length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    // Short: the pack was cut. The length check of the entry calls it corrupt.
    return read === into.length ? into : into.subarray(0, read);
  } finally {
    closeSync(fd);
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

/** Write every byte of `data` at `position` (a write may be short); returns the bytes written. */
function writeAll(fd: number, data: Uint8Array, position: number): number {
  let offset = 0;
  while (offset < data.byteLength) offset += writeSync(fd, data, offset, data.byteLength - offset, position + offset);
  return data.byteLength;
}
