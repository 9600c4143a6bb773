import * as path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { Commit } from './commit.js';
import type { CopiedFile } from './commit.js';
import { readOutputState } from './diff.js';
import { lockOutput } from './lock.js';
import { readManifest } from './manifest.js';
import type { Manifest } from './manifest.js';
import { PublishUsageError } from './options.js';
import type { PublishOptions } from './options.js';
import { publishLocked } from './publish.js';
import type { PublishRun } from './publish.js';
import { setUp } from './setup.js';
import { PUBLISH_VERSION } from './version.js';

/** Options of {@link merge}: those of `publish` (the same as the shards were built with), and the content root. */
export interface MergeOptions extends Omit<PublishOptions, 'shard'> {
  /** The content root the shards were built from (the indexes are made from it). */
  root: string;
}

interface ShardFolder {
  dir: string;
  manifest: Manifest & { shard: NonNullable<Manifest['shard']> };
}

/** Read and check the shard folders: one of each part of the same split, same formats. */
async function readShards(dirs: readonly string[], cwd: string): Promise<ShardFolder[]> {
  const shards: ShardFolder[] = [];
  for (const dir of dirs.map((d) => path.resolve(cwd, d))) {
    const manifest = await readManifest(dir, PUBLISH_VERSION);
    if (!manifest.shard) throw new PublishUsageError(`Unexpected folder ${dir} without a shard manifest, expected the output of \`guidekit-docs build --shard i/n\``);
    shards.push({ dir, manifest: manifest as ShardFolder['manifest'] });
  }
  const count = shards[0]?.manifest.shard.count;
  const formats = JSON.stringify(shards[0]?.manifest.shard.formats);
  const seen = new Set(shards.map((s) => s.manifest.shard.index));
  if (count === undefined || shards.some((s) => s.manifest.shard.count !== count) || seen.size !== shards.length || seen.size !== count) {
    const got = shards.map((s) => `${s.manifest.shard.index}/${s.manifest.shard.count}`).join(', ') || 'none';
    throw new PublishUsageError(`Unexpected shards ${got}, expected each of 1/n to n/n exactly once`);
  }
  if (shards.some((s) => JSON.stringify(s.manifest.shard.formats) !== formats)) {
    throw new PublishUsageError(`Unexpected shards built in different formats, expected the same --format for every shard`);
  }
  return shards;
}

/** Copy every shard's files into `out` (bytes already hashed by the shard), and record them. */
async function joinShards(out: string, shards: readonly ShardFolder[]): Promise<{ written: string[]; diagnostics: Diagnostic[] }> {
  const state = await readOutputState(out);
  const ids = shards.flatMap((s) => Object.keys(s.manifest.units));
  const commit = new Commit(out, state, ids);
  await commit.clearLeftovers();
  const diagnostics: Diagnostic[] = [];
  for (const { dir, manifest } of shards) {
    for (const [id, unit] of Object.entries(manifest.units)) {
      const files: CopiedFile[] = unit.files.map((rel) => ({ path: rel, copyFrom: path.join(dir, rel), sha: manifest.files[rel]?.sha ?? '' }));
      const format = id.slice(0, id.indexOf(':'));
      diagnostics.push(...(await commit.accept({ id, key: unit.key, format, file: '.' }, { files, ...(unit.diagnostics ? { diagnostics: unit.diagnostics } : {}) })));
    }
  }
  // The indexes and site steps of the last merge stay listed: the publish that follows renders them again when they changed.
  for (const id of Object.keys(state.previous.units)) {
    if (id.endsWith(':index') || id.endsWith(':site')) commit.keepPrevious(id);
  }
  const done = await commit.finish();
  return { written: done.written, diagnostics };
}

/**
 * Join the output folders of a sharded build (`guidekit-docs build --shard i/n`, one per CI
 * runner) into one site: every shard's files are copied into `out` with their manifest records,
 * then the same publish as an unsharded build runs over the joined folder — its units are all up
 * to date but the indexes and site steps, which it renders from the content root. The result is
 * the folder a single build would have made, byte for byte.
 *
 * @param shardDirs The shards' output folders, each part exactly once.
 * @param options The content root, the output folder and the options the shards were built with.
 * @returns Diagnostics and what was done (files written counts the copies too).
 * @throws PublishUsageError for a missing part, a folder that is not a shard, a locked output.
 */
export async function merge(shardDirs: readonly string[], options: MergeOptions): Promise<PublishRun> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const shards = await readShards(shardDirs, cwd);
  const formats = options.formats ?? shards[0]?.manifest.shard.formats;
  const setup = await setUp(options.root, { ...options, formats });
  if ('configErrors' in setup) throw new PublishUsageError(`Unexpected invalid configuration: ${setup.configErrors.map((d) => d.message).join('; ')}`);
  if (shards.some((s) => s.dir === setup.out)) throw new PublishUsageError(`Unexpected output folder ${setup.out}: it is one of the shards, expected a separate folder`);
  const lock = await lockOutput(setup.out, { wait: options.wait, onWait: options.onWait });
  try {
    const joined = await joinShards(setup.out, shards);
    const run = await publishLocked(setup, options, started);
    return { diagnostics: run.diagnostics, result: { ...run.result, written: [...joined.written, ...run.result.written] } };
  } finally {
    lock.release();
  }
}
