import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';
import type { OutputFile, RenderOutput } from '@guidekit/render/formats';
import type { OutputState } from './diff.js';
import { AtomicWriter, STAGING_DIR, TEMP_PREFIX, removeOutput } from './fs.js';
import { hashContent, stableStringify } from './hash.js';
import { appendJournalFiles, removeJournal, writeJournal, writeManifest } from './manifest.js';
import type { Manifest, ManifestFile, ManifestUnit, ShardRecord } from './manifest.js';
import { PUBLISH_VERSION } from './version.js';

/** A file copied from another output folder whose hash is already known (`merge`). */
export type CopiedFile = { path: string; copyFrom: string; sha: string };

/** What a unit gives the commit: its id, key and format id, and the file of the guide it came from. */
export interface CommitUnit {
  id: string;
  key: string;
  format: string;
  /** Source file the unit renders (for diagnostics), or `.` for a site-wide unit. */
  file: string;
}

/** What a finished commit did. */
export interface CommitResult {
  written: string[];
  removed: string[];
  manifest: Manifest;
}

/** A file record whose bytes may not be what it says (a killed build rewrote it): no key, no hash. */
function distrust(file: ManifestFile, doubt: boolean): ManifestFile {
  return doubt ? { ...file, key: '', sha: '' } : file;
}

/** Refuse paths a format must not produce (outside its folder, absolute, `..`): programmer errors. */
export function checkPath(rel: string, format: string): string {
  const normal = path.posix.normalize(rel);
  if (normal !== rel || rel.startsWith('/') || rel.split('/').includes('..') || !rel.startsWith(`${format}/`)) {
    throw new Error(`Format ${format} produced the path \`${rel}\`, expected a normalised path under \`${format}/\``);
  }
  return rel;
}

/**
 * The commit stage: puts rendered files in place (written aside, then renamed) and records them
 * for the manifest, which `finish` writes last; outputs no longer made are removed only after
 * the manifest that drops them is in place. Before the first byte lands it records in a journal
 * the units about to be rewritten, so a build killed after that point makes the next build
 * distrust those units whatever their key says.
 */
export class Commit {
  readonly out: string;
  readonly #state: OutputState;
  readonly #writer: AtomicWriter;
  readonly #claimed = new Map<string, string>();
  readonly #next: Manifest;
  readonly #rewriting: Set<string>;
  #journal: Promise<void> | undefined;

  /**
   * @param out Absolute output folder.
   * @param state What was there before.
   * @param rewriting Ids of the units this build may rewrite (named in the journal).
   * @param shard Recorded in the manifest of a sharded build.
   */
  constructor(out: string, state: OutputState, rewriting: Iterable<string>, shard?: ShardRecord) {
    this.out = out;
    this.#state = state;
    this.#writer = new AtomicWriter(out);
    this.#rewriting = new Set(rewriting);
    this.#next = { version: state.previous.version, generator: PUBLISH_VERSION, units: {}, files: {}, garbage: [], ...(shard ? { shard } : {}) };
  }

  /** Units that are up to date keep their record as it is; returns their stored diagnostics. */
  keep(ids: Iterable<string>): Diagnostic[] {
    const replay: Diagnostic[] = [];
    for (const id of ids) {
      const before = this.#state.previous.units[id] as ManifestUnit;
      this.#next.units[id] = before;
      for (const file of before.files) {
        this.#next.files[file] = this.#state.previous.files[file] as ManifestFile;
        this.#claimed.set(file, id);
      }
      if (before.diagnostics) replay.push(...before.diagnostics);
    }
    return replay;
  }

  /**
   * Keep a unit's previous record with the files still there (a failed render, a format not
   * built this time): they are still whole. A unit a killed build had started to rewrite keeps
   * no key (the journal goes away at the end), so it is tried again next time.
   */
  keepPrevious(id: string): void {
    const before = this.#state.previous.units[id];
    if (!before) return;
    const doubt = this.#state.journal.has(id);
    const files = before.files.filter((f) => this.#state.existing.has(f) && !this.#claimed.has(f));
    this.#next.units[id] = { ...before, files, ...(doubt ? { key: '' } : {}) };
    for (const file of files) {
      this.#next.files[file] = distrust(this.#state.previous.files[file] as ManifestFile, doubt);
      this.#claimed.set(file, id);
    }
  }

  /** Remove what a killed build left: staging files and temporary files beside their targets. */
  async clearLeftovers(): Promise<void> {
    await fsp.rm(path.join(this.out, STAGING_DIR), { recursive: true, force: true });
    for (const file of this.#state.existing) {
      if (path.posix.basename(file).startsWith(TEMP_PREFIX)) await fsp.rm(path.join(this.out, file), { force: true });
    }
  }

  /** The hash of a file's bytes (for a copied image, its size and time), and the bytes to write. */
  async #hash(file: OutputFile | CopiedFile): Promise<{ sha: string; bytes?: Uint8Array }> {
    if ('sha' in file) return { sha: file.sha };
    if ('data' in file) {
      // Text is encoded once, for the hash and the write alike.
      const bytes = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
      return { sha: hashContent(bytes), bytes };
    }
    const stat = await fsp.stat(file.copyFrom);
    return { sha: `copy:${stat.size}:${Math.trunc(stat.mtimeMs)}` };
  }

  /** One journal write, which every unit awaits before its first file. */
  #startJournal(): Promise<void> {
    this.#journal ??= writeJournal(this.out, new Set([...this.#state.journal, ...this.#rewriting]));
    return this.#journal;
  }

  /**
   * Record the paths of a unit that no manifest lists yet, before any of them is written: a
   * build killed after writing one leaves it recorded, and the next complete build removes it
   * unless it makes it again (content-hashed search fragments have names known only now).
   */
  async #journalNew(paths: readonly string[]): Promise<void> {
    const fresh = paths.filter((rel) => !Object.hasOwn(this.#state.previous.files, rel));
    if (fresh.length === 0) return;
    await this.#startJournal();
    appendJournalFiles(this.out, fresh);
  }

  /** Put one file in place unless the same bytes are already there. */
  async #place(rel: string, file: OutputFile | CopiedFile, unit: CommitUnit): Promise<void> {
    const { sha, bytes } = await this.#hash(file);
    const before = this.#state.previous.files[rel];
    const upToDate = before !== undefined && before.sha === sha && this.#state.existing.has(rel) && !this.#state.journal.has(before.unit);
    if (!upToDate) {
      await this.#startJournal();
      if (bytes) await this.#writer.write(rel, bytes);
      else await this.#writer.copy(rel, (file as { copyFrom: string }).copyFrom);
    }
    this.#next.files[rel] = { unit: unit.id, key: unit.key, sha };
  }

  /**
   * Commit what a unit rendered: files whose bytes changed are written, the unit is recorded with
   * its diagnostics (a second file at a path another unit made is dropped with a warning).
   *
   * @returns The unit's diagnostics.
   */
  async accept(unit: CommitUnit, output: RenderOutput | { files: CopiedFile[]; diagnostics?: Diagnostic[] }): Promise<Diagnostic[]> {
    const files: (OutputFile | CopiedFile)[] = Array.isArray(output) ? output : output.files;
    const diagnostics = Array.isArray(output) ? [] : [...(output.diagnostics ?? [])];
    const record: ManifestUnit = { key: unit.key, files: [] };
    await this.#journalNew(files.map((file) => checkPath(file.path, unit.format)));
    for (const file of files) {
      const rel = file.path;
      const owner = this.#claimed.get(rel);
      if (owner !== undefined && owner !== unit.id) {
        diagnostics.push(
          createDiagnostic({
            file: unit.file,
            severity: 'warning',
            ruleId: 'build/duplicate-output',
            message: `Unexpected second output \`${rel}\` from ${unit.id}, expected one file per path (already written by ${owner})`,
          }),
        );
        continue;
      }
      this.#claimed.set(rel, unit.id);
      await this.#place(rel, file, unit);
      record.files.push(rel);
    }
    if (diagnostics.length > 0) record.diagnostics = diagnostics;
    this.#next.units[unit.id] = record;
    return diagnostics;
  }

  /** Files recorded so far for units whose id starts with `prefix` (a format's committed output), with their hashes, sorted. */
  filesOf(prefix: string): [string, string][] {
    return Object.entries(this.#next.files)
      .filter(([, f]) => f.unit.startsWith(prefix))
      .map(([rel, f]): [string, string] => [rel, f.sha])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  /** The hash recorded for a file of this build, if it has one. */
  shaOf(rel: string): string | undefined {
    return this.#next.files[rel]?.sha;
  }

  /** Files written by this commit so far, in order. */
  get written(): readonly string[] {
    return this.#writer.written;
  }

  /** The garbage of this build: files the previous manifest listed (or meant to delete) that this one does not make. */
  garbage(): string[] {
    const { previous, existing } = this.#state;
    // Files a killed build created (recorded before it wrote them) count as this build's to remove.
    const garbage = new Set<string>();
    for (const file of [...Object.keys(previous.files), ...previous.garbage, ...this.#state.journalFiles]) {
      if (!(file in this.#next.files) && existing.has(file)) garbage.add(file);
    }
    return [...garbage].sort();
  }

  /**
   * Write the manifest (only when something changed), then remove the garbage it lists, then the
   * journal and the staging folder.
   */
  async finish(): Promise<CommitResult> {
    this.#next.garbage = this.garbage();
    const changed = this.#journal !== undefined || this.#next.garbage.length > 0 || !sameRecords(this.#next, this.#state.previous);
    if (changed) await writeManifest(this.out, this.#next);
    const removed: string[] = [];
    for (const file of this.#next.garbage) {
      await removeOutput(this.out, file);
      removed.push(file);
    }
    if (this.#journal !== undefined || this.#state.journal.size > 0 || this.#state.journalFiles.size > 0) await removeJournal(this.out);
    await fsp.rm(path.join(this.out, STAGING_DIR), { recursive: true, force: true });
    return { written: [...this.#writer.written], removed, manifest: this.#next };
  }
}

/**
 * Whether two manifests hold the same units, files and shard (garbage aside). Kept units carry
 * the very record objects of the previous manifest, so identity settles most entries without
 * serialising 10,000 records.
 */
function sameRecords(a: Manifest, b: Manifest): boolean {
  const same = <T>(x: Record<string, T>, y: Record<string, T>, eq: (p: T, q: T) => boolean): boolean => {
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((k) => Object.hasOwn(y, k) && (x[k] === y[k] || eq(x[k] as T, y[k] as T)));
  };
  return (
    stableStringify(a.shard ?? null) === stableStringify(b.shard ?? null) &&
    same(a.units, b.units, (p, q) => stableStringify(p) === stableStringify(q)) &&
    same(a.files, b.files, (p, q) => p.unit === q.unit && p.key === q.key && p.sha === q.sha)
  );
}
