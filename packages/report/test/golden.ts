import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Folder of the golden files. */
export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * Compare with a golden file: written when missing (never in CI, where a missing file fails)
 * or when `UPDATE=1`; every refresh is to be reviewed as a diff.
 */
export function golden(name: string, actual: string): void {
  const file = path.join(fixtures, name);
  const exists = fs.existsSync(file);
  if (!exists && process.env.CI) throw new Error(`Missing golden file ${name}: run the tests locally with UPDATE=1`);
  if (!exists || process.env.UPDATE) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, actual);
    fs.renameSync(tmp, file);
  }
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}
