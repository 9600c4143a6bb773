import { createHash } from 'node:crypto';

/**
 * Serialise a value with object keys sorted, so two equal values always hash the same
 * whatever order their keys were built in.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/**
 * Hash any JSON-able value (sha256, hex, first 32 chars). Used for input keys: the hash of
 * everything an output file depends on.
 */
export function hashValue(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

/** Hash bytes or text (sha256, hex, first 32 chars): the content hash of an output file. */
export function hashContent(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}
