import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { STATE_DIR, writeFileAtomic } from './fs.js';
import { stableStringify } from './hash.js';

/** Where the manifest lives, relative to `out`. */
export const MANIFEST_PATH = `${STATE_DIR}/manifest.json`;
/** Where the journal of units being rewritten lives, relative to `out`. */
export const JOURNAL_PATH = `${STATE_DIR}/journal.json`;
/**
 * Where the paths a build is about to create live, relative to `out`: one per line, appended
 * before each new file lands, so files a killed build created but no manifest lists (a search
 * index's content-hashed fragments, a page of a guide deleted since) are removed by the next
 * complete build.
 */
export const JOURNAL_FILES_PATH = `${STATE_DIR}/journal-files`;
/** Bump when the manifest's shape changes: an old manifest is then ignored (full rebuild). */
export const MANIFEST_VERSION = 1;

/** What the manifest records for one output file. */
export interface ManifestFile {
  /** The unit (format + guide, or format + site) that produced the file. */
  unit: string;
  /** Hash of every input of the file: guide hash, translations, renderer version, config, options. */
  key: string;
  /** Hash of the file's bytes as written (for a copied image: its source size and mtime). */
  sha: string;
}

/** What the manifest records for one render unit. */
export interface ManifestUnit {
  key: string;
  files: string[];
  /** Diagnostics the unit's renderer reported, replayed when the unit is skipped. */
  diagnostics?: Diagnostic[];
}

/**
 * The record of the last complete build: written last, after every file is in place, so it
 * never lists a file that is missing or stale.
 */
export interface Manifest {
  version: number;
  generator: string;
  units: Record<string, ManifestUnit>;
  files: Record<string, ManifestFile>;
  /** Files dropped by this build, deleted right after the manifest is written (idempotent). */
  garbage: string[];
  /** Set by a sharded build (`--shard 2/3`): which part this folder holds, for `merge`. */
  shard?: ShardRecord;
}

/** The part a sharded build made, and the formats it made it in. */
export interface ShardRecord {
  index: number;
  count: number;
  formats: string[];
}

/** An empty manifest (first build, or an unreadable one). */
export function emptyManifest(generator: string): Manifest {
  return { version: MANIFEST_VERSION, generator, units: {}, files: {}, garbage: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Read the manifest of `out`. A missing, corrupt or foreign manifest is not an error: it
 * means "nothing is known", and the build renders everything again.
 */
export async function readManifest(out: string, generator: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fsp.readFile(path.join(out, MANIFEST_PATH), 'utf8');
  } catch {
    return emptyManifest(generator);
  }
  try {
    const data: unknown = JSON.parse(text);
    if (!isRecord(data) || data.version !== MANIFEST_VERSION || data.generator !== generator) return emptyManifest(generator);
    if (!isRecord(data.units) || !isRecord(data.files) || !Array.isArray(data.garbage)) return emptyManifest(generator);
    for (const unit of Object.values(data.units)) {
      if (!isRecord(unit) || typeof unit.key !== 'string' || !Array.isArray(unit.files)) return emptyManifest(generator);
    }
    for (const file of Object.values(data.files)) {
      if (!isRecord(file) || typeof file.key !== 'string' || typeof file.sha !== 'string' || typeof file.unit !== 'string') {
        return emptyManifest(generator);
      }
    }
    return data as unknown as Manifest;
  } catch {
    return emptyManifest(generator);
  }
}

/** Serialise a manifest deterministically (sorted keys), so equal manifests are equal bytes. */
export function serializeManifest(manifest: Manifest): string {
  return `${stableStringify(manifest)}\n`;
}

/** Write the manifest atomically. */
export async function writeManifest(out: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(out, MANIFEST_PATH), serializeManifest(manifest));
}

/**
 * Read the journal left by a build that was interrupted: the units it had started to
 * rewrite. Their files on disk may be newer than the manifest says, so they are rendered
 * again whatever their key.
 */
export async function readJournal(out: string): Promise<Set<string>> {
  try {
    const data: unknown = JSON.parse(await fsp.readFile(path.join(out, JOURNAL_PATH), 'utf8'));
    if (isRecord(data) && Array.isArray(data.units)) return new Set(data.units.filter((u): u is string => typeof u === 'string'));
  } catch {
    // no journal, or a torn one: a torn journal cannot exist (atomic write), so this is "none"
  }
  return new Set();
}

/** Record the units about to be rewritten, before the first file of this build is written. */
export async function writeJournal(out: string, units: Iterable<string>): Promise<void> {
  await writeFileAtomic(path.join(out, JOURNAL_PATH), `${JSON.stringify({ units: [...units].sort() })}\n`);
}

/** The paths killed builds were about to create (a torn last line is a path that was not written yet). */
export async function readJournalFiles(out: string): Promise<Set<string>> {
  try {
    const text = await fsp.readFile(path.join(out, JOURNAL_FILES_PATH), 'utf8');
    return new Set(text.split('\n').filter((line) => line !== ''));
  } catch {
    return new Set();
  }
}

/**
 * Record paths about to be created, before they are written. Appended, never truncated: what a
 * killed build recorded stays until a complete build has removed its files. One small append per
 * unit (a few microseconds): no handle to leak when a build is aborted.
 */
export function appendJournalFiles(out: string, paths: readonly string[]): void {
  if (paths.length > 0) fs.appendFileSync(path.join(out, JOURNAL_FILES_PATH), `${paths.join('\n')}\n`);
}

/** Drop the journals once the manifest that covers their units and files is in place. */
export async function removeJournal(out: string): Promise<void> {
  await fsp.rm(path.join(out, JOURNAL_PATH), { force: true });
  await fsp.rm(path.join(out, JOURNAL_FILES_PATH), { force: true });
}
