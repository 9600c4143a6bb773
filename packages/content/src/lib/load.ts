import path from 'node:path';
import type { KeywordsOption } from '@guidekit/parser';
import { byCodeUnit, sortDiagnostics } from '@guidekit/model';
import { GuideCache, defaultCacheDir, guidekitFingerprint, sha256 } from './cache.js';
import { imageDiagnostics } from './checks.js';
import type { ResolvedConfig } from './config.js';
import { discoverGuides } from './discover.js';
import { createLoadedContent, type LoadedContent } from './loaded.js';
import { pairTranslations } from './pair.js';
import { parseEntries, type ParsedEntry } from './parse-stage.js';
import { readSources } from './read.js';
import { setUpLoad } from './setup.js';

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
  /** @deprecated Ignored: guides are parsed on the calling thread (threads gained nothing here; see the README). */
  workers?: number | undefined;
  /** @deprecated Ignored, like `workers`. */
  workerThreshold?: number | undefined;
  /** Where config lookup stops and the cache falls back to. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Called as files get parsed. */
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

/**
 * Load every guide of a content tree, in stages with explicit inputs and outputs: set up (root,
 * configuration, static folder) → discover (every layout, mixed) → read (locale, slug, content-hash
 * key) → parse (from the cache when the key is there) → pair translations → check images → the
 * result, whose guides are decoded on demand. Content problems are diagnostics, never throws.
 *
 * @param root The content root (absolute or relative to the working directory).
 * @param options Configuration, cache, progress.
 * @returns The guides, their translation groups, the diagnostics and load counters.
 * @throws {ContentRootError} When `root` is not an existing folder.
 */
export async function loadContent(root: string, options: LoadContentOptions = {}): Promise<LoadedContent> {
  const started = performance.now();
  const setup = await setUpLoad(root, options);
  const { config } = setup;
  const files = await discoverGuides(setup.root, { aliases: setup.aliases, exclude: setup.exclude });
  const keywords = keywordsOption(config.keywords);
  const frontmatter = config.frontmatter;
  // Besides the file itself, a parse depends on guidekit's code and on the configuration that changes parsing: keywords, declared front matter fields.
  const salt = guidekitFingerprint() + sha256(JSON.stringify({ keywords, frontmatter }));
  const read = readSources(files, { config, salt });
  const cache = cacheOf(setup.root, setup.cwd, options.cache);
  const parse = await parseEntries(read.entries, { cache, keywords, frontmatter, salt, onProgress: options.onProgress });

  const guides = [...parse.parsed].sort((a, b) => bySlugLocalePath(a.summary, b.summary));
  const pairable = guides.map((g) => ({ slug: g.summary.slug, locale: g.summary.locale, path: g.summary.path, g }));
  const locales = config.locales ?? [...new Set(pairable.map((g) => g.locale))].sort(byCodeUnit);
  const paired = pairTranslations(pairable, { sourceLocale: config.sourceLocale, locales });
  const images = imageDiagnostics(
    guides.map((g) => ({ path: g.summary.path, absPath: g.entry.file.absPath, images: g.summary.images })),
    { root: setup.root, staticDir: setup.staticDir, configured: Boolean(config.staticDir), candidates: setup.staticCandidates },
  );
  const diagnostics = [
    ...setup.diagnostics,
    ...read.diagnostics,
    ...parse.diagnostics,
    ...guides.flatMap((g) => g.summary.diagnostics),
    ...paired.diagnostics,
    ...images,
  ];
  const unwrap = (p: { g: ParsedEntry } | undefined): ParsedEntry | undefined => p?.g;
  return createLoadedContent({
    root: setup.root,
    config,
    staticDir: setup.staticDir,
    guides,
    groups: paired.groups.map((group) => {
      const source = unwrap(group.source);
      const translations = group.translations.map((t) => t.g);
      return source ? { slug: group.slug, source, translations } : { slug: group.slug, translations };
    }),
    diagnostics: sortDiagnostics(diagnostics),
    files: new Map(read.entries.map((e) => [e.file.path, e.file.absPath])),
    cache,
    keywords,
    frontmatter,
    stats: { files: files.length, ...parse.counts, workers: 0, ms: Math.round(performance.now() - started) },
  });
}

/** The cache of a load: off, the folder given (relative to `cwd`), or the default one. */
function cacheOf(root: string, cwd: string, option: boolean | string | undefined): GuideCache | undefined {
  if (option === false) return undefined;
  return new GuideCache(typeof option === 'string' ? path.resolve(cwd, option) : defaultCacheDir(root, cwd));
}

function bySlugLocalePath(a: { slug: string; locale: string; path: string }, b: { slug: string; locale: string; path: string }): number {
  return byCodeUnit(a.slug, b.slug) || byCodeUnit(a.locale, b.locale) || byCodeUnit(a.path, b.path);
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
