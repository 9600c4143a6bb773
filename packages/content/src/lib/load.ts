import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { KeywordsOption } from '@guidekit/parser';
import { byCodeUnit, createDiagnostic, sortDiagnostics, type Diagnostic, type Guide } from '@guidekit/model';
import { GuideCache, defaultCacheDir, guidekitFingerprint, sha256 } from './cache.js';
import { CONFIG_RULE_ID, loadConfig, resolveConfigPath, type ResolvedConfig } from './config.js';
import { discoverGuides, type GuideFile } from './discover.js';
import { NO_STATIC_DIR_RULE_ID, checkImages, createExistsCache, findStaticDir, frontmatterKeyPosition, type ImageUse } from './images.js';
import { canonicalLocale, mergeLocaleAliases } from './locale.js';
import { pairTranslations, type TranslationGroup } from './pair.js';
import type { GuideSummary } from './summary.js';
import { builtContentUrl, builtParserUrl, canRequireParser, loadParser, parseInWorkers, parseTask, type ParseOutcome, type ParseTask } from './parse.js';

/** Rule id: the parser crashed on a file (a parser bug, reported rather than thrown). */
export const PARSE_FAILED_RULE_ID = 'content/parse-failed';
/** Rule id: worker threads could not be used (the load went on, on one thread). */
export const WORKERS_FAILED_RULE_ID = 'content/workers-failed';
/** Rule id: a front matter `locale` that is not a BCP 47 tag. */
export const INVALID_LOCALE_RULE_ID = 'content/invalid-locale';

/** Counters of one load, to see what the cache and the workers did. */
export interface LoadStats {
  /** Guide files found. */
  files: number;
  /** Files parsed in this load. */
  parsed: number;
  /** Files whose parse result came from the cache. */
  cached: number;
  /** Cache entries found damaged, discarded and rebuilt. */
  discarded: number;
  /** Worker threads used (0: parsed on the calling thread). */
  workers: number;
  /** Wall-clock milliseconds of the load. */
  ms: number;
}

/** Progress of the slow part of a load (parsing), for a CLI's progress line. */
export interface LoadProgress {
  done: number;
  total: number;
}

/** Options of {@link loadContent}. */
export interface LoadContentOptions {
  /** An explicit configuration file (`--config`), or a configuration object used as is. */
  config?: string | ResolvedConfig | undefined;
  /** `false` disables the cache; a string is the cache folder. Default: `node_modules/.cache/guidekit`. */
  cache?: boolean | string | undefined;
  /** Worker threads for parsing; `0` parses on this thread. Default: the available cores. */
  workers?: number | undefined;
  /** Parse on workers only when more files than this must be parsed. Default 200. */
  workerThreshold?: number | undefined;
  /** Where config lookup stops and the cache falls back to. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Called as files get parsed. */
  onProgress?: ((progress: LoadProgress) => void) | undefined;
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
  stats: LoadStats;
}

/** A content root that does not exist or is not a folder: a caller error. */
export class ContentRootError extends Error {
  override name = 'ContentRootError';
}


/** One file through the load. */
interface Item {
  file: GuideFile;
  /** The raw text, until the load is over (then read again from disk when asked for). */
  source?: string;
  /** What the parser gets; its `source` is dropped with the item's once the load is over. */
  task: Omit<ParseTask, 'source'> & { source?: string };
  key: string;
  summary?: GuideSummary;
  /** Decoded guide, once the `guides` getter asked for every guide. */
  guide?: Guide;
  /**
   * The guide's JSON bytes, kept only when the cache could not take them (cache off, or its
   * write failed); otherwise the cache entry is read again when the guide is needed.
   */
  payload?: Uint8Array;
}

type Parsed = GuideSummary & { item: Item };

/**
 * Load every guide of a content tree: find the files (every layout, mixed), read the
 * configuration, parse (from the cache when nothing changed, on worker threads when many files
 * changed), pair translations and check images. Content problems are diagnostics, never throws.
 *
 * @param root The content root (absolute or relative to the working directory).
 * @param options Configuration, cache, workers, progress.
 * @returns The guides, their translation groups, the diagnostics and load counters.
 * @throws {ContentRootError} When `root` is not an existing folder.
 */
export async function loadContent(root: string, options: LoadContentOptions = {}): Promise<LoadedContent> {
  const started = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const absRoot = path.resolve(cwd, root);
  if (!isDirectory(absRoot)) {
    throw new ContentRootError(`Content root \`${root}\` is not a folder, expected a folder of guides`);
  }
  const diagnostics: Diagnostic[] = [];
  let config: ResolvedConfig;
  if (options.config !== undefined && typeof options.config !== 'string') {
    config = options.config;
  } else {
    const loaded = await loadConfig(absRoot, { configFile: options.config, cwd });
    config = loaded.config;
    diagnostics.push(...loaded.diagnostics);
  }

  const aliases = mergeLocaleAliases(config.localeAliases);
  const { dir: staticDir, candidates } = findStaticDir(absRoot, config);
  if (config.staticDir && !staticDir) {
    diagnostics.push(
      createDiagnostic({
        file: config.configFile ? toPosix(path.relative(absRoot, config.configFile)) : '.',
        ruleId: CONFIG_RULE_ID,
        message: `Unexpected \`staticDir\` \`${config.staticDir}\`: no such folder, expected an existing folder of images`,
      }),
    );
  }
  const exclude = [...(staticDir ? [staticDir] : []), ...(config.out ? [resolveConfigPath(config, config.out)] : [])];
  const files = await discoverGuides(absRoot, { aliases, exclude });

  // Read, hash and key every file. Synchronous reads: thousands of small files read this way
  // cost a fraction of the promise-based equivalent, and this is the floor of a no-op load.
  const keywords = keywordsOption(config.keywords);
  const configHash = sha256(JSON.stringify({ keywords }));
  const fingerprint = guidekitFingerprint();
  const items: Item[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absPath);
    } catch {
      continue; // Vanished between the walk and the read.
    }
    const source = bytes.toString('utf8');
    const fm = frontmatterOverrides(source);
    let locale = file.pathLocale ?? config.sourceLocale;
    if (fm.locale !== undefined) {
      const tag = canonicalLocale(fm.locale);
      if (tag) locale = tag;
      else {
        diagnostics.push(
          createDiagnostic({
            file: file.path,
            ruleId: INVALID_LOCALE_RULE_ID,
            message: `Unexpected front matter locale \`${fm.locale}\`, expected a BCP 47 language tag such as \`fr\` or \`en-US\``,
            position: frontmatterKeyPosition(source, 'locale'),
          }),
        );
      }
    }
    const slug = fm.translationKey ?? file.pathSlug;
    const task: ParseTask = { source, path: file.path, locale, slug, format: file.format };
    const key = createHash('sha256')
      .update(fingerprint)
      .update(configHash)
      .update(JSON.stringify([file.path, locale, slug, file.format]))
      .update(bytes)
      .digest('hex');
    items.push({ file, source, task, key });
  }

  // Cache lookups: a hit gives the summary at once; the guide's bytes stay in the entry until needed.
  const cacheDir =
    options.cache === false ? undefined : typeof options.cache === 'string' ? path.resolve(cwd, options.cache) : defaultCacheDir(absRoot, cwd);
  const cache = cacheDir ? new GuideCache(cacheDir) : undefined;
  let discarded = 0;
  if (cache) {
    for (const item of items) {
      const read = cache.readSummary(item.file.absPath, item.key);
      if (read.status === 'corrupt') discarded++;
      if (read.status !== 'hit') continue;
      try {
        // The payload is not kept: thousands of guides' JSON would dominate the memory of a
        // build that renders a few. It is read again, from the entry, when a guide is needed.
        item.summary = JSON.parse(read.summary) as GuideSummary;
      } catch {
        // The checksum matched but the JSON does not parse: written by a broken build; re-parse.
        discarded++;
      }
    }
  }

  // Parse the misses, on workers when there are many. Each outcome is taken as it arrives
  // (summarised, written to the cache, then let go), so a cold load of thousands of guides
  // never holds their parsed trees, or their JSON, all at once.
  const misses = items.filter((item) => item.summary === undefined);
  const threshold = options.workerThreshold ?? 200;
  const wanted = options.workers ?? availableParallelism();
  const parserUrl = wanted > 0 && misses.length > threshold ? builtParserUrl() : undefined;
  const contentUrl = parserUrl ? builtContentUrl() : undefined;
  const report = options.onProgress;
  const handled = new Array<boolean>(misses.length).fill(false);
  const take = (index: number, outcome: ParseOutcome | undefined): void => {
    const item = misses[index] as Item;
    handled[index] = true;
    if (!outcome || 'error' in outcome) {
      diagnostics.push(
        createDiagnostic({
          file: item.file.path,
          ruleId: PARSE_FAILED_RULE_ID,
          message: `Unexpected parser failure (${firstLine(outcome ? outcome.error : 'no result')}), expected a parsed guide; please report this parser bug`,
        }),
      );
      return;
    }
    // Only the small summary is decoded here; the guide's JSON goes to the cache as it came.
    item.summary = JSON.parse(outcome.summary) as GuideSummary;
    const stored = cache ? cache.writeSync(item.file.absPath, item.key, outcome.summary, outcome.guide) : false;
    if (!stored) item.payload = outcome.guide;
  };
  let workers = 0;
  if (parserUrl && contentUrl) {
    workers = Math.min(wanted, misses.length);
    try {
      await parseInWorkers(
        misses.map((m) => m.task as ParseTask),
        {
          workers,
          keywords,
          parserUrl,
          contentUrl,
          onResult: take,
          onProgress: report ? (done) => report({ done, total: misses.length }) : undefined,
        },
      );
    } catch (error) {
      // Workers could not start or load the parser: parse the rest here instead, same results, and say so.
      workers = 0;
      diagnostics.push(
        createDiagnostic({
          file: '.',
          ruleId: WORKERS_FAILED_RULE_ID,
          severity: 'info',
          message: `Unexpected failure of the parse workers (${firstLine(error instanceof Error ? error.message : String(error))}), expected them to start; files were parsed on one thread instead`,
        }),
      );
    }
  }
  let done = handled.filter(Boolean).length;
  if (done < misses.length) await loadParser();
  misses.forEach((m, i) => {
    if (handled[i]) return;
    take(i, parseTask(m.task as ParseTask, keywords));
    done++;
    if (report && (done % 25 === 0 || done === misses.length)) report({ done, total: misses.length });
  });

  // The new entries join the cache's index (and corrupt ones leave it) once, now.
  cache?.flush();

  // A guide whose cache entry goes away after the load is parsed again when asked for, on this
  // thread and synchronously: where `require` cannot load the built parser (Node before 20.19, or
  // sources under a test runner), the parser must be loaded now.
  if (cache && !canRequireParser()) await loadParser();

  // The load is over: let the raw text go (readSource reads it again from disk when asked for).
  for (const item of items) {
    delete item.source;
    delete item.task.source;
  }
  /** A parse task with the file's text read again (for a guide whose cache entry went away). */
  const freshTask = (item: Item): ParseTask | undefined => {
    try {
      return { ...item.task, source: readFileSync(item.file.absPath, 'utf8') };
    } catch {
      return undefined;
    }
  };
  const texts = new Map<string, string | undefined>();
  const readText = (file: string): string | undefined => {
    if (texts.has(file)) return texts.get(file);
    const item = itemsByFile.get(file);
    let text: string | undefined;
    try {
      text = item ? readFileSync(item.file.absPath, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    texts.set(file, text);
    return text;
  };
  let sources: Map<string, string> | undefined;

  // Collect summaries and their diagnostics; guides are decoded only when asked for.
  const itemsByFile = new Map<string, Item>();
  const parsed: Parsed[] = [];
  for (const item of items) {
    itemsByFile.set(item.file.path, item);
    if (!item.summary) continue;
    parsed.push({ ...item.summary, item });
    diagnostics.push(...item.summary.diagnostics);
  }
  parsed.sort((a, b) => byCodeUnit(a.slug, b.slug) || byCodeUnit(a.locale, b.locale) || byCodeUnit(a.path, b.path));

  const siteLocales = config.locales ?? [...new Set(parsed.map((g) => g.locale))].sort(byCodeUnit);
  const paired = pairTranslations(parsed, { sourceLocale: config.sourceLocale, locales: siteLocales });
  diagnostics.push(...paired.diagnostics);

  if (staticDir) {
    const exists = createExistsCache();
    for (const g of parsed) diagnostics.push(...checkImages(g.images, g.path, g.item.file.absPath, staticDir, absRoot, exists));
  } else if (!config.staticDir && parsed.some((g) => g.images.length > 0)) {
    diagnostics.push(
      createDiagnostic({
        file: '.',
        ruleId: NO_STATIC_DIR_RULE_ID,
        severity: 'info',
        message: `Unexpected absence of a static folder (looked for ${candidates.map((c) => `\`${toPosix(path.relative(absRoot, c))}\``).join(', ')}), expected one to check image files against: images were not checked (set \`staticDir\` in guidekit.config.json)`,
      }),
    );
  }

  const byPath = new Map(parsed.map((g) => [g.path, g]));
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  /**
   * The guide's JSON bytes: the kept bytes, else the cache entry (a view into the buffer just
   * read, which nothing else holds), else a fresh parse of the source; `undefined` when that
   * parse crashes.
   */
  const bytesOf = (g: Parsed): Uint8Array | undefined => {
    const item = g.item;
    if (item.payload) return item.payload;
    const read = cache?.read(item.file.absPath, item.key);
    if (read?.status === 'hit') return read.payload;
    // The entry went away (another load rewrote it, the folder was cleared): parse again.
    const task = freshTask(item);
    const outcome = task ? parseTask(task, keywords) : undefined;
    return !outcome || 'error' in outcome ? undefined : outcome.guide;
  };
  const jsonOf = (g: Parsed): string | undefined => {
    if (g.item.guide) return JSON.stringify(g.item.guide);
    const bytes = bytesOf(g);
    return bytes && decoder.decode(bytes);
  };
  const materialize = (g: Parsed): Guide => {
    if (g.item.guide) return g.item.guide;
    const json = jsonOf(g);
    // A guide whose parse crashed now (it did not at load) keeps its outline rather than nothing.
    return json === undefined ? g.outline : (JSON.parse(json) as Guide);
  };
  let guides: Guide[] | undefined;
  let translations: TranslationGroup[] | undefined;

  return {
    root: absRoot,
    config,
    staticDir,
    get guides(): Guide[] {
      guides ??= parsed.map((g) => (g.item.guide = materialize(g)));
      return guides;
    },
    get translations(): TranslationGroup[] {
      translations ??= paired.groups.map((group) => {
        const keep = (g: Parsed): Guide => (g.item.guide = materialize(g));
        const out: TranslationGroup = { slug: group.slug, translations: group.translations.map(keep) };
        if (group.source) out.source = keep(group.source);
        return out;
      });
      return translations;
    },
    outlines: parsed.map((g) => g.outline),
    loadGuide(file) {
      const g = byPath.get(file);
      return g ? materialize(g) : undefined;
    },
    guideJson(file) {
      const g = byPath.get(file);
      return g ? jsonOf(g) : undefined;
    },
    guideBytes(file) {
      const g = byPath.get(file);
      if (!g) return undefined;
      if (g.item.guide) return encoder.encode(JSON.stringify(g.item.guide));
      // Kept bytes are copied: they stay for the next call, and the caller may transfer its own.
      return g.item.payload ? new Uint8Array(g.item.payload) : bytesOf(g);
    },
    imagesOf(file) {
      return byPath.get(file)?.images ?? [];
    },
    diagnostics: sortDiagnostics(diagnostics),
    get sources(): ReadonlyMap<string, string> {
      if (!sources) {
        sources = new Map();
        for (const file of itemsByFile.keys()) {
          const text = readText(file);
          if (text !== undefined) sources.set(file, text);
        }
      }
      return sources;
    },
    readSource(file) {
      return readText(typeof file === 'string' ? file : file.path);
    },
    stats: {
      files: files.length,
      parsed: misses.length,
      cached: items.length - misses.length,
      discarded,
      workers,
      ms: Math.round(performance.now() - started),
    },
  };
}

/**
 * `locale` and `translationKey` from the leading front matter block, read before parsing
 * because they decide the guide's locale and slug (front matter wins over the path).
 * Only plain and quoted scalars are understood; anything else is left to the parser.
 *
 * @param source The raw file.
 * @returns The values found.
 */
export function frontmatterOverrides(source: string): { locale?: string; translationKey?: string } {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (!text.startsWith('---')) return {};
  const end = text.search(/\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  const block = end < 0 ? '' : text.slice(0, end);
  if (!block.includes('locale:') && !block.includes('translationKey:')) return {};
  const out: { locale?: string; translationKey?: string } = {};
  for (const match of block.matchAll(/^(locale|translationKey)[ \t]*:[ \t]*(.*)$/gm)) {
    const value = scalar(match[2] ?? '');
    if (value === '') continue;
    if (match[1] === 'locale') out.locale = value;
    else out.translationKey = value;
  }
  return out;
}

function scalar(raw: string): string {
  const text = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) return (quoted[2] ?? '').trim();
  return text.replace(/\s+#.*$/, '').trim();
}

/** The configured keywords as the parser takes them (no `undefined` fields), or `undefined` when none. */
function keywordsOption(keywords: ResolvedConfig['keywords']): KeywordsOption | undefined {
  const out: KeywordsOption = {};
  for (const [locale, entry] of Object.entries(keywords)) {
    const words: KeywordsOption[string] = {};
    for (const [kind, list] of Object.entries(entry)) if (list) words[kind as keyof typeof words] = list;
    out[locale] = words;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
