import { createHash } from 'node:crypto';
import { PublishUsageError } from './options.js';
import type { Shard } from './options.js';

/**
 * Read `2/3` (or a `{ index, count }`) as a shard, checking it.
 *
 * @throws PublishUsageError when it is not `i/n` with 1 <= i <= n.
 */
export function parseShard(value: Shard | string): Shard {
  const match = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value.trim()) : null;
  const shard = typeof value === 'string' ? (match ? { index: Number(match[1]), count: Number(match[2]) } : undefined) : value;
  if (!shard || !Number.isInteger(shard.index) || !Number.isInteger(shard.count) || shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
    throw new PublishUsageError(`Unexpected shard \`${typeof value === 'string' ? value : `${value.index}/${value.count}`}\`, expected i/n with 1 <= i <= n, such as 2/3`);
  }
  return shard;
}

/**
 * The shard (1..count) a translation group belongs to: a hash of its slug, so the assignment
 * depends on nothing else — adding or removing a guide moves no other group between shards —
 * and every shard of every runner agrees without talking to the others.
 */
export function shardOf(slug: string, count: number): number {
  const n = createHash('sha256').update(slug).digest().readUInt32BE(0);
  return (n % count) + 1;
}
