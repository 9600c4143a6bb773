import { readFileSync } from 'node:fs';
import { createDiagnostic, type Diagnostic } from '@guidekit/model';
import type { GuideCache } from './cache.js';
import { canRequireParser, type FrontmatterFieldsOption, loadParser, parseTask, type Keywords } from './parse.js';
import { entryKey, type SourceEntry } from './read.js';
import type { GuideSummary } from './summary.js';

/** Rule id: the parser crashed on a file (a parser bug, reported rather than thrown). */
export const PARSE_FAILED_RULE_ID = 'content/parse-failed';

/** A guide once parsed or found in the cache: its summary, and what finds its whole guide again. */
export interface ParsedEntry {
  entry: SourceEntry;
  /** The key its cache entry is written under (the read stage's, unless the file changed since). */
  key: string;
  summary: GuideSummary;
  /**
   * The guide's JSON bytes, kept only when the cache could not take them (cache off, or its
   * write failed); otherwise the cache entry is read again when the guide is needed.
   */
  payload?: Uint8Array;
}

/** Inputs of {@link parseEntries} besides the entries. */
export interface ParseStageOptions {
  /** The cache, or `undefined` when it is off. */
  cache: GuideCache | undefined;
  keywords: Keywords | undefined;
  /** The project's declared front matter fields. */
  frontmatter?: FrontmatterFieldsOption | undefined;
  /** The read stage's salt, to key a file that changed since it was read. */
  salt: string;
  /** Called as files get parsed. */
  onProgress?: ((progress: { done: number; total: number }) => void) | undefined;
}

/** What {@link parseEntries} gives. */
export interface ParseStageResult {
  /** One per entry parsed or cached (a file that vanished or crashed the parser has none), in the entries' order. */
  parsed: ParsedEntry[];
  /** Parser crashes (`content/parse-failed`); the parser's own diagnostics are in the summaries. */
  diagnostics: Diagnostic[];
  /** Files parsed now, taken from the cache, and cache entries found damaged. */
  counts: { parsed: number; cached: number; discarded: number };
}

/**
 * The parse stage: each entry's summary from the cache when its key is there, else parsed now,
 * on this thread, and written to the cache as it comes (the guide's JSON is let go at once, so a
 * cold load of thousands of guides never holds their trees or their JSON together).
 *
 * @param entries The read stage's entries.
 * @param options Cache, keywords, salt and progress.
 * @returns Summaries, parser crashes and counters.
 */
export async function parseEntries(entries: readonly SourceEntry[], options: ParseStageOptions): Promise<ParseStageResult> {
  const found = lookUp(entries, options.cache);
  const misses = entries.filter((_, i) => found.summaries[i] === undefined);
  // A guide whose cache entry goes away after the load is parsed again when asked for,
  // synchronously: where `require` cannot load the built parser, it must be loaded now.
  if (misses.length > 0 || (options.cache && !canRequireParser())) await loadParser();
  const diagnostics: Diagnostic[] = [];
  const fresh = new Map<SourceEntry, ParsedEntry>();
  misses.forEach((entry, i) => {
    const outcome = parseOne(entry, options);
    if ('error' in outcome) diagnostics.push(parseFailure(entry.file.path, outcome.error));
    else if (outcome.parsed) fresh.set(entry, outcome.parsed);
    const done = i + 1;
    if (options.onProgress && (done % 25 === 0 || done === misses.length)) options.onProgress({ done, total: misses.length });
  });
  const parsed: ParsedEntry[] = [];
  entries.forEach((entry, i) => {
    const summary = found.summaries[i];
    const item = summary ? { entry, key: entry.key, summary } : fresh.get(entry);
    if (item) parsed.push(item);
  });
  return { parsed, diagnostics, counts: { parsed: misses.length, cached: entries.length - misses.length, discarded: found.discarded } };
}

/** Cache lookups: a hit gives the summary at once; the guide's bytes stay in the entry until needed. */
function lookUp(entries: readonly SourceEntry[], cache: GuideCache | undefined): { summaries: (GuideSummary | undefined)[]; discarded: number } {
  let discarded = 0;
  const summaries = entries.map((entry) => {
    const read = cache?.readSummary(entry.file.absPath, entry.key);
    if (read?.status === 'corrupt') discarded++;
    if (read?.status !== 'hit') return undefined;
    try {
      return JSON.parse(read.summary) as GuideSummary;
    } catch {
      // The checksum matched but the JSON does not parse: written by a broken build; re-parse.
      discarded++;
      return undefined;
    }
  });
  return { summaries, discarded };
}

/** Parse one entry from the file as it is now, and write its cache entry. */
function parseOne(entry: SourceEntry, options: ParseStageOptions): { parsed?: ParsedEntry } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.file.absPath);
  } catch {
    return {}; // Vanished since it was read.
  }
  const source = bytes.toString('utf8');
  const outcome = parseTask({ ...entry.meta, source }, options.keywords, options.frontmatter);
  if ('error' in outcome) return outcome;
  // Keyed by what was parsed: the file may have changed since the read stage keyed it.
  const key = entryKey(options.salt, entry.meta, bytes);
  const summary = JSON.parse(outcome.summary) as GuideSummary;
  const stored = options.cache?.writeSync(entry.file.absPath, key, outcome.summary, outcome.guide) ?? false;
  return { parsed: stored ? { entry, key, summary } : { entry, key, summary, payload: outcome.guide } };
}

/**
 * The diagnostic of a parser crash.
 *
 * @param file The guide's path relative to the root.
 * @param error The crash message (its first line is kept).
 * @returns A `content/parse-failed` error.
 */
export function parseFailure(file: string, error: string): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: PARSE_FAILED_RULE_ID,
    message: `Unexpected parser failure (${error.split('\n')[0] ?? error}), expected a parsed guide; please report this parser bug`,
  });
}
