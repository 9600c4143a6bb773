import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFile from 'write-file-atomic';

/**
 * Write a file so that readers see either the old content or the whole new content, never a
 * truncated file: `write-file-atomic` writes a temporary file in the same folder (same file
 * system, so the rename is atomic), flushes it to disk, renames it over the target, and removes
 * it when anything fails. This adds only the folder.
 *
 * @param file Target path; its folder is created when missing.
 * @param data Bytes to write.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}
