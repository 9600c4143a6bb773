import type { Diagnostic, FrontmatterFields, Guide } from '@guidekit/model';
import type { ConfiguredComponent } from './components.js';

/**
 * What a format's per-guide output depends on besides the guide itself. The publisher puts
 * exactly these in the unit's key, and gives the renderer no more than they cover:
 * - `translations`: the path, slug, locale and title of the other locales of the guide (a
 *   language switcher);
 * - `index`: the path, slug, locale, title, kind and categories of every guide of the site (a
 *   sidebar or previous/next links);
 * - `translation-state`: the guide's translation state (stale steps, missing translations), as
 *   `@guidekit/i18n`'s status computes it.
 */
export type Dependency = 'translations' | 'index' | 'translation-state';

/** One file a format produces: bytes to write, or an existing file to copy. */
export type OutputFile =
  | {
      /** POSIX path relative to the output folder, starting with the format's id (`html/fr/x/index.html`). */
      path: string;
      data: string | Uint8Array;
    }
  | {
      path: string;
      /** Absolute path of a file to copy as is (a static image). */
      copyFrom: string;
    };

/** What a render call returns: files, plus diagnostics about the content it met. */
export type RenderOutput = OutputFile[] | { files: OutputFile[]; diagnostics?: Diagnostic[] };

/** A source step that changed since the translation was made. */
export interface StaleStep {
  /** Step id (`step-3`) or section key. */
  id: string;
  /** Its title in the source. */
  title: string;
}

/**
 * The translation state of one guide (from `@guidekit/i18n`'s status), given to formats that
 * depend on `translation-state`. Declared here structurally, so render needs no i18n import.
 */
export interface GuideTranslationState {
  /** `up-to-date`, `stale`, `unknown`, or `source` for a guide in the source locale. */
  state: 'source' | 'up-to-date' | 'stale' | 'unknown';
  /** Locale and path of the source, for a translation. */
  source?: { locale: string; path: string } | undefined;
  /** Source steps changed since this translation was made (empty unless `stale`). */
  stale: StaleStep[];
  /** Locales of the site that have no version of this guide yet. */
  missing: string[];
}

/**
 * A guide and its translations (the other locales of the same slug, sorted by locale). The
 * guide is whole; translations carry only what the `translations` dependency covers.
 */
export interface GuideInput {
  kind: 'guide';
  guide: Guide;
  translations: Guide[];
  /** Present when the format depends on `translation-state`. */
  translationState?: GuideTranslationState | undefined;
}

/**
 * Every guide of the site, sorted by slug then locale, and the groups by slug, as outlines:
 * every field but content (`sections` is empty, steps have no `blocks`), so a site of thousands
 * of guides is never decoded at once. `ctx.loadGuide(outline)` gives a whole guide when an index
 * really needs content; `ctx.imageUrls(outline)` its images.
 */
export interface SiteInput {
  kind: 'site';
  guides: Guide[];
  groups: Map<string, Guide[]>;
}

/** What a format's site step works on: the format's committed output, after a build that changed it. */
export interface SiteStepInput {
  /** Absolute output folder (the format's files are under `<out>/<id>/`). */
  out: string;
  /** Every file of the format now committed (POSIX, relative to `out`), sorted; the step's own files left out. */
  files: string[];
  /** The hash of each of `files`' bytes (a changed file has another). */
  hashes: Record<string, string>;
  /** Those written by this build (new or changed bytes). */
  changed: string[];
  /** Files of the format this build removed. */
  removed: string[];
}

/** What a site step may begin on while the pages render: the pages of the format this build will have. */
export interface SiteWatchInput {
  /** Absolute output folder. */
  out: string;
  /** Each guide output of the format (POSIX, relative to `out`), with the hash of its bytes when this build keeps it as it is; without one when this build renders it. */
  files: { rel: string; sha?: string | undefined }[];
}

/**
 * A head start on a format's site step, made before the pages render (see `Format.siteWatch`).
 * Whatever it prepares, the site step checks against its final input: a head start, never a
 * shortcut, so a page that failed or changed is still indexed from what is on disk.
 */
export interface SiteWatch {
  /** Where a guide comes in the render order, lowest first (pages that complete a batch early let the step start on it). */
  order?(guide: Pick<Guide, 'locale' | 'slug'>): number;
  /** A file of the format is committed with bytes of this hash. */
  committed(rel: string, sha: string): void;
  /** Wait for what was started and release it (called once, after the site step or when the build stops). */
  close(): Promise<void>;
}

/** The part of the resolved configuration formats read. */
export interface FormatConfig {
  /** The locale guides are written in first. */
  sourceLocale: string;
  /** The front matter fields the project declares (`frontmatter` of `guidekit.config.json`): typed in the data declarations. */
  frontmatter?: FrontmatterFields | undefined;
  /** What the site says of itself, and how its pages read (`site` of `guidekit.config.json`). */
  site?:
    | {
        title?: string | undefined;
        url?: string | undefined;
        authorType?: 'Person' | 'Organization' | undefined;
        authors?: Readonly<Record<string, 'Person' | 'Organization'>> | undefined;
        codeWrap?: boolean | undefined;
        strings?: Readonly<Record<string, Readonly<Record<string, string | undefined>>>> | undefined;
      }
    | undefined;
  /** MDX components by name: a kind render ships (`aside`, `youtube`, `children`) with fixed attributes. */
  components?: Readonly<Record<string, ConfiguredComponent>> | undefined;
}

/** What every format gets: where things are and what the content loader resolved. */
export interface FormatContext {
  /** Absolute content root. */
  root: string;
  /** Absolute output folder. */
  out: string;
  /** The resolved configuration. */
  config: FormatConfig;
  /** Absolute static folder that `/`-rooted image URLs map to, or `null` when there is none. */
  staticDir: string | null;
  /** Options for this format (from `publish({ formatOptions })`); they are part of every key. */
  options: Record<string, unknown>;
  /** Every guide of the site (sorted by slug, locale), as outlines (see {@link SiteInput}). */
  guides: Guide[];
  /** Every locale of the site, sorted. */
  locales: string[];
  /** The format ids of this build (an index may list where each put a guide). */
  formats: string[];
  /** Guides by slug (every locale), as outlines. */
  groups: Map<string, Guide[]>;
  /** The distinct image URLs a guide uses (front matter and body), for an outline or a whole guide. */
  imageUrls(guide: Guide): string[];
  /** The whole guide of an outline, decoded now and not kept (let it go after use). */
  loadGuide(guide: Guide): Guide;
  /**
   * Scratch space shared by every format of one build (never across builds): facts computed
   * once per guide, such as the stat of its images, that several formats put in their keys.
   */
  memo: Map<string, unknown>;
}

/**
 * One output format, in one file, joined to the publisher by one line in `registry.ts`: its id
 * (the `--format` name and output folder), which guides and pages it makes, their paths, what
 * they depend on, and how to render them.
 *
 * `open` is called once per build, lazily, only when the format has a unit to render (a no-op
 * build never launches a browser); it may throw {@link FormatUnavailableError} (no Chromium),
 * which skips this format and reports the message while the other formats still build.
 */
export interface Format<S = unknown> {
  /** The `--format` name; also the output folder. */
  readonly id: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Bump to render everything again after the renderer changed its output. */
  readonly version: string;
  /** Built when no format is named (false for formats that need a browser). */
  readonly byDefault: boolean;
  /** What a per-guide output depends on besides its guide (see {@link Dependency}). */
  readonly dependsOn: readonly Dependency[];
  /** How many units may render at once (a PDF pool prints several pages in parallel). */
  readonly concurrency?: number;
  /** Which guides get an output (default: every guide). */
  guides?(guide: Guide, ctx: FormatContext): boolean;
  /** The output path of a guide, relative to the output folder (`json/fr/x.json`). */
  path?(guide: Pick<Guide, 'locale' | 'slug'>): string;
  /** Set up shared state for one build (a browser). */
  open?(ctx: FormatContext): S | Promise<S>;
  /** Release what `open` made, even when the build failed. */
  close?(session: S): void | Promise<void>;
  /** Extra inputs of a unit that are not in the guides (image sizes and dates...): part of its key. */
  inputs?(input: GuideInput | SiteInput, ctx: FormatContext): unknown;
  /** Render one guide. */
  render?(input: GuideInput, ctx: FormatContext, session: S): RenderOutput | Promise<RenderOutput>;
  /**
   * Site-wide outputs (the JSON index, the HTML home page), rendered after every guide's output
   * so an index never links to a page that is not there yet.
   */
  renderIndex?(input: SiteInput, ctx: FormatContext, session: S): RenderOutput | Promise<RenderOutput>;
  /**
   * A step over the format's committed output (a search index over the HTML pages), run after
   * the pages and indexes are in place, and only when this build changed or removed one of the
   * format's files (a no-op build skips it). Its files are committed like any other.
   */
  site?(input: SiteStepInput, ctx: FormatContext, watch?: SiteWatch): RenderOutput | Promise<RenderOutput>;
  /**
   * Begin the site step's work while the pages render (Pagefind indexes a bundle of pages as soon
   * as its last page is committed, beside the rendering): called before the render stage when
   * this build renders some of the format's guide outputs, never for a shard. Its watch is told of
   * every committed file, passed to `site`, then closed.
   */
  siteWatch?(input: SiteWatchInput, ctx: FormatContext): SiteWatch | Promise<SiteWatch>;
}

/**
 * Thrown by `Format.open` or `render` when the format cannot run on this machine (PDF without
 * Chromium). The message says how to fix it; the publisher skips the format and the CLI exits 2.
 */
export class FormatUnavailableError extends Error {
  override name = 'FormatUnavailableError';
}

/** Define a format with its session type inferred (an identity function, for types). */
export function defineFormat<S = undefined>(format: Format<S>): Format<S> {
  return format;
}
