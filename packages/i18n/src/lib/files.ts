import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Write a file atomically: to a temporary file in the same folder, then rename over the target,
 * so a reader (or an interrupted run) never sees half a file.
 *
 * @param file Target path.
 * @param text Content (UTF-8).
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean up.
    }
    throw error;
  }
}
