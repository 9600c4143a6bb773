import { readFileSync } from 'node:fs';
import type { Diagnostic, Guide } from '@guidekit/model';
import type { GuideCache } from './cache.js';
import type { ResolvedConfig } from './config.js';
import type { ImageUse } from './images.js';
import type { TranslationGroup } from './pair.js';
import { type FrontmatterFieldsOption, parseTask, type Keywords } from './parse.js';
import type { ParsedEntry } from './parse-stage.js';

/** Counters of one load, to see what the cache did. */
export interface LoadStats {
  /** Guide files found. */
  files: number;
  /** Files parsed in this load. */
  parsed: number;
  /** Files whose parse result came from the cache. */
  cached: number;
  /** Cache entries found damaged, discarded and rebuilt. */
  discarded: number;
  /** Always 0: guides are parsed on the calling thread (kept for callers of the worker-thread loader). */
  workers: number;
  /** Wall-clock milliseconds of the load. */
  ms: number;
}

/** Everything a content root holds, parsed and paired. */
export interface LoadedContent {
  /** Absolute content root. */
  root: string;
  config: ResolvedConfig;
  /** Absolute static folder images resolve against, or `null` when there is none. */
  staticDir: string | null;
  /**
   * Every guide, sorted by slug, locale, path. `guide.path` is relative to `root`, POSIX.
   * Decoded from the cache on first access, so a load that only needs diagnostics (`check`)
   * never pays for decoding thousands of guides.
   */
  readonly guides: Guide[];
  /** Guides paired by slug, sorted by slug (decoded on first access, like `guides`). */
  readonly translations: TranslationGroup[];
  /**
   * Every guide as an outline, sorted like `guides`: every field of the guide except content
   * (`sections` is empty, steps keep their title, id, number and hash but no `blocks`, `images`,
   * `links`, `code` or `uiLabels`). Kept in memory from the load's summaries,
   * so a caller that lists, pairs or keys thousands of guides never decodes them all.
   */
  outlines: Guide[];
  /**
   * The whole guide at `path` (relative to `root`), decoded now (from the cache entry, else
   * parsed again from its source), not kept: call it when a guide is needed and let it go.
   * `undefined` for a path that is not a loaded guide.
   */
  loadGuide(path: string): Guide | undefined;
  /** The JSON text of the guide at `path`, as {@link LoadedContent.loadGuide} decodes it (for a thread to decode). */
  guideJson(path: string): string | undefined;
  /**
   * The same JSON as UTF-8 bytes, in a buffer of its own that nothing else holds: a caller may
   * transfer it to a worker thread (`postMessage(x, [bytes.buffer])`) without copying.
   */
  guideBytes(path: string): Uint8Array | undefined;
  /** The images a guide uses (front matter and body), with their places, from the load's summary. */
  imagesOf(path: string): ImageUse[];
  /** Parser, config, pairing and image diagnostics, sorted; `file` is relative to `root`. */
  diagnostics: Diagnostic[];
  /**
   * Raw text of every guide file, keyed by its path relative to `root`: read again from disk on
   * first access (a load does not keep thousands of files' text in memory).
   */
  readonly sources: ReadonlyMap<string, string>;
  /**
   * Raw text of a guide or of a file given by its path relative to `root` (what inline
   * directives and the translation linter read), read from disk when first asked for and then
   * remembered: the file as it is at that moment. `undefined` for a path that is not a guide
   * file of the load, or a file that can no longer be read.
   */
  readSource(file: string | Guide): string | undefined;
  /**
   * `text` parsed as the load parses the file of `guide` (its path, locale, slug and format, the
   * configured keywords and front matter fields): an older version of it, an unsaved buffer. The
   * parser is already there after a load (it is loaded before any file is parsed, or required on
   * first use). `undefined` when the parser crashes on `text`.
   */
  parseText(text: string, guide: Pick<Guide, 'path' | 'locale' | 'slug' | 'format'>): Guide | undefined;
  stats: LoadStats;
}

/** What the last stage assembles a {@link LoadedContent} from. */
export interface LoadedParts {
  root: string;
  config: ResolvedConfig;
  staticDir: string | null;
  /** Parsed guides, sorted by slug, locale, path. */
  guides: ParsedEntry[];
  /** The same, paired by slug (see `pairTranslations`). */
  groups: { slug: string; source?: ParsedEntry; translations: ParsedEntry[] }[];
  /** Sorted. */
  diagnostics: Diagnostic[];
  /** Every guide file read (parsed or not): path relative to the root → absolute path. */
  files: ReadonlyMap<string, string>;
  cache: GuideCache | undefined;
  keywords: Keywords | undefined;
  /** The project's declared front matter fields. */
  frontmatter?: FrontmatterFieldsOption | undefined;
  stats: LoadStats;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The result of a load: summaries in memory, whole guides decoded when asked for (from the cache
 * entry, the kept bytes, or a fresh parse when the entry went away meanwhile).
 */
class Loaded implements LoadedContent {
  readonly root: string;
  readonly config: ResolvedConfig;
  readonly staticDir: string | null;
  readonly outlines: Guide[];
  readonly diagnostics: Diagnostic[];
  readonly stats: LoadStats;
  readonly #parts: LoadedParts;
  readonly #byPath: Map<string, ParsedEntry>;
  /** Guides decoded by the `guides` or `translations` getter, kept from then on. */
  readonly #kept = new Map<ParsedEntry, Guide>();
  readonly #texts = new Map<string, string | undefined>();
  #guides: Guide[] | undefined;
  #translations: TranslationGroup[] | undefined;
  #sources: Map<string, string> | undefined;

  constructor(parts: LoadedParts) {
    this.root = parts.root;
    this.config = parts.config;
    this.staticDir = parts.staticDir;
    this.outlines = parts.guides.map((g) => g.summary.outline);
    this.diagnostics = parts.diagnostics;
    this.stats = parts.stats;
    this.#parts = parts;
    this.#byPath = new Map(parts.guides.map((g) => [g.summary.path, g]));
  }

  get guides(): Guide[] {
    this.#guides ??= this.#parts.guides.map((g) => this.#keep(g));
    return this.#guides;
  }

  get translations(): TranslationGroup[] {
    this.#translations ??= this.#parts.groups.map((group) => {
      const out: TranslationGroup = { slug: group.slug, translations: group.translations.map((g) => this.#keep(g)) };
      if (group.source) out.source = this.#keep(group.source);
      return out;
    });
    return this.#translations;
  }

  get sources(): ReadonlyMap<string, string> {
    if (!this.#sources) {
      this.#sources = new Map();
      for (const file of this.#parts.files.keys()) {
        const text = this.readSource(file);
        if (text !== undefined) this.#sources.set(file, text);
      }
    }
    return this.#sources;
  }

  loadGuide(file: string): Guide | undefined {
    const g = this.#byPath.get(file);
    return g && this.#decode(g);
  }

  guideJson(file: string): string | undefined {
    const g = this.#byPath.get(file);
    return g && this.#json(g);
  }

  guideBytes(file: string): Uint8Array | undefined {
    const g = this.#byPath.get(file);
    if (!g) return undefined;
    const kept = this.#kept.get(g);
    if (kept) return encoder.encode(JSON.stringify(kept));
    // Kept bytes are copied: they stay for the next call, and the caller may transfer its own.
    return g.payload ? new Uint8Array(g.payload) : this.#bytes(g);
  }

  imagesOf(file: string): ImageUse[] {
    return this.#byPath.get(file)?.summary.images ?? [];
  }

  readSource(file: string | Guide): string | undefined {
    const rel = typeof file === 'string' ? file : file.path;
    if (this.#texts.has(rel)) return this.#texts.get(rel);
    const abs = this.#parts.files.get(rel);
    let text: string | undefined;
    try {
      text = abs === undefined ? undefined : readFileSync(abs, 'utf8');
    } catch {
      text = undefined;
    }
    this.#texts.set(rel, text);
    return text;
  }

  parseText(text: string, guide: Pick<Guide, 'path' | 'locale' | 'slug' | 'format'>): Guide | undefined {
    const meta = { path: guide.path, locale: guide.locale, slug: guide.slug, format: guide.format };
    const outcome = parseTask({ ...meta, source: text }, this.#parts.keywords, this.#parts.frontmatter);
    return 'error' in outcome ? undefined : (JSON.parse(decoder.decode(outcome.guide)) as Guide);
  }

  #keep(g: ParsedEntry): Guide {
    let guide = this.#kept.get(g);
    if (!guide) {
      guide = this.#decode(g);
      this.#kept.set(g, guide);
    }
    return guide;
  }

  /** A new object each call; a guide whose parse crashes now (it did not at load) keeps its outline rather than nothing. */
  #decode(g: ParsedEntry): Guide {
    const kept = this.#kept.get(g);
    if (kept) return kept;
    const json = this.#json(g);
    return json === undefined ? g.summary.outline : (JSON.parse(json) as Guide);
  }

  #json(g: ParsedEntry): string | undefined {
    const kept = this.#kept.get(g);
    if (kept) return JSON.stringify(kept);
    const bytes = g.payload ?? this.#bytes(g);
    return bytes && decoder.decode(bytes);
  }

  /** The cache entry's payload (a view into a buffer nothing else holds), else a fresh parse; `undefined` when that crashes. */
  #bytes(g: ParsedEntry): Uint8Array | undefined {
    const read = this.#parts.cache?.read(g.entry.file.absPath, g.key);
    if (read?.status === 'hit') return read.payload;
    // The entry went away (another load rewrote it, the folder was cleared): parse again.
    let source: string;
    try {
      source = readFileSync(g.entry.file.absPath, 'utf8');
    } catch {
      return undefined;
    }
    const outcome = parseTask({ ...g.entry.meta, source }, this.#parts.keywords, this.#parts.frontmatter);
    return 'error' in outcome ? undefined : outcome.guide;
  }
}

/**
 * The last stage: the load's result, guides decoded on demand.
 *
 * @param parts What the earlier stages found.
 * @returns The loaded content.
 */
export function createLoadedContent(parts: LoadedParts): LoadedContent {
  return new Loaded(parts);
}
