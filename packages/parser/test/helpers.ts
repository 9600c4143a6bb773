import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Guide } from '@guidekit/model';

/** The repository root, found from this file (never a hard-coded absolute path). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared corpus next to the repository, as the project lays it out. */
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');

/** Whether the corpus is here; in CI its absence is a failure, not a skip. */
export function corpusAvailable(): boolean {
  const ok = existsSync(path.join(corpusRoot, 'MANIFEST.tsv'));
  if (!ok) {
    if (process.env.CI) throw new Error(`The corpus is required in CI but missing at ${corpusRoot}`);
    console.warn(`[parser tests] corpus not found at ${corpusRoot}: corpus tests are skipped`);
  }
  return ok;
}

/** fast-check runs: FC_RUNS from the environment (CI sets 10000), 200 by default. */
export const fcRuns = Number(process.env.FC_RUNS ?? 200);

/**
 * The last line of the front matter, found independently of the parser: a first line `---`
 * and the next `---` line. 0 when there is none.
 */
export function frontmatterEnd(lines: string[]): number {
  if ((lines[0] ?? '').replace(/^\uFEFF/, '').trimEnd() !== '---') return 0;
  for (let i = 1; i < lines.length; i++) {
    if ((lines[i] ?? '').trimEnd() === '---') return i + 1;
  }
  return 0;
}

/**
 * Lines of the body that are not covered exactly once by a section's line range.
 *
 * @returns `[line, count]` pairs for every non-blank body line whose count is not 1.
 */
export function coverageErrors(source: string, guide: Guide, fmEnd?: number): Array<[number, number]> {
  const lines = source.split(/\r\n|\r|\n/);
  const start = fmEnd ?? frontmatterEnd(lines);
  const bad: Array<[number, number]> = [];
  for (let i = start; i < lines.length; i++) {
    const line = i + 1;
    if ((lines[i] ?? '').trim() === '') continue;
    let count = 0;
    for (const s of guide.sections) {
      if (s.position.start.line <= line && line <= s.position.end.line) count++;
    }
    if (count !== 1) bad.push([line, count]);
  }
  return bad;
}
