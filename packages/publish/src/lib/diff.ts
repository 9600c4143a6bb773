import { STATE_DIR, listFiles } from './fs.js';
import { readJournal, readJournalFiles, readManifest } from './manifest.js';
import type { Manifest } from './manifest.js';
import type { Unit } from './plan.js';
import { PUBLISH_VERSION } from './version.js';

/** What is in the output folder before a build: the last manifest, a killed build's journal, the files. */
export interface OutputState {
  previous: Manifest;
  /** Units a killed build had started to rewrite: their files may not be what the manifest says. */
  journal: Set<string>;
  /** Paths killed builds were about to create: garbage unless this build makes them again. */
  journalFiles: Set<string>;
  /** Every file under `out` (POSIX, relative), the state folder left out. */
  existing: Set<string>;
}

/** Read the state of `out` (an empty state for a folder that does not exist yet). */
export async function readOutputState(out: string): Promise<OutputState> {
  const previous = await readManifest(out, PUBLISH_VERSION);
  const journal = await readJournal(out);
  const journalFiles = await readJournalFiles(out);
  const existing = new Set(listFiles(out).filter((f) => !f.startsWith(`${STATE_DIR}/`)));
  return { previous, journal, journalFiles, existing };
}

/** Units split by whether they must render. */
export interface Diff {
  dirty: Unit[];
  clean: Unit[];
}

/**
 * Which units must render: those the last manifest does not hold with the same key, whose files
 * are not all there, or that a killed build had started to rewrite.
 */
export function diff(units: readonly Unit[], state: OutputState): Diff {
  const dirty: Unit[] = [];
  const clean: Unit[] = [];
  for (const unit of units) {
    const before = state.previous.units[unit.id];
    const fresh = before !== undefined && before.key === unit.key && !state.journal.has(unit.id) && before.files.every((f) => state.existing.has(f));
    (fresh ? clean : dirty).push(unit);
  }
  return { dirty, clean };
}
