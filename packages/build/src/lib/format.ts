import type { ResolvedConfig } from '@guidekit/content';
import type { Diagnostic, Guide } from '@guidekit/model';

/**
 * What a format's output depends on, which decides when it is rendered again:
 * - `guide`: the guide alone (JSON, Markdown, JSON-LD): one unit per guide;
 * - `group`: the guide and the slug, locale, title and path of its translations (pages with a
 *   language switcher): one unit per guide;
 * - `site`: every guide (indexes, home page): one unit for the whole site.
 */
export type DependsOn = 'guide' | 'group' | 'site';

/** One file a format produces: bytes to write, or an existing file to copy. */
export type OutputFile =
  | {
      /** POSIX path relative to `out`, starting with the format's folder (`html/fr/x/index.html`). */
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

/**
 * A guide and its translations (every other locale of the same slug, sorted by locale). The
 * guide is whole; translations carry only what the `group` key holds (slug, locale, path, title,
 * kind, format).
 */
export interface GuideInput {
  kind: 'guide';
  guide: Guide;
  translations: Guide[];
  /**
   * The guide as compact JSON text (`JSON.stringify(guide)`), when the build already holds it (a
   * render thread receives the guide that way): a format that writes the guide as it is can use
   * it instead of serialising the guide again.
   */
  json?: string;
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

/** What every format gets: where things are and what the content loader resolved. */
export interface FormatContext {
  /** Absolute content root. */
  root: string;
  /** Absolute output folder. */
  out: string;
  /** The resolved configuration from `@guidekit/content`. */
  config: ResolvedConfig;
  /** Absolute static folder that `/`-rooted image URLs map to, or `null` when there is none. */
  staticDir: string | null;
  /** Options for this format (from `build({ formatOptions })`); they are part of every key. */
  options: Record<string, unknown>;
  /** Every guide of the site (sorted by slug, locale), as outlines (see {@link SiteInput}). */
  guides: Guide[];
  /** Every locale of the site, sorted. */
  locales: string[];
  /** The formats of this build (an index may list where each put a guide). */
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
 * One output format: a name for `--format`, what its outputs depend on, and how to render a
 * unit. A format lives in its own file under `formats/` and joins the build through one line
 * in `registry.ts`.
 *
 * `open` is called once per build, lazily, only when the format has a unit to render (so a
 * no-op build never launches a browser); it may throw `FormatUnavailableError` (no Chromium),
 * which skips this format and reports the message while the other formats still build.
 */
export interface Format<S = unknown> {
  /** The `--format` name; also the output folder. */
  readonly name: string;
  /** One line for `--help`. */
  readonly description: string;
  /** Bump to render everything again after the renderer changed its output. */
  readonly version: string;
  readonly dependsOn: DependsOn;
  /** How many units may render at once (a PDF pool prints several pages in parallel). */
  readonly concurrency?: number;
  /** Set up shared state for one build (a browser, a highlighter). */
  open?(ctx: FormatContext): S | Promise<S>;
  /** Release what `open` made, even when the build failed. */
  close?(session: S): void | Promise<void>;
  /** Extra inputs of a unit that are not in the guides (image sizes and dates...). */
  inputs?(input: GuideInput | SiteInput, ctx: FormatContext): unknown;
  /** Render one unit: a guide (`guide`, `group`) or the whole site (`site`). */
  render(input: GuideInput | SiteInput, ctx: FormatContext, session: S): RenderOutput | Promise<RenderOutput>;
  /**
   * Site-wide outputs of a per-guide format (the JSON index, the HTML home page), rendered after
   * every guide unit so an index never links to a page that is not there yet.
   */
  renderIndex?(input: SiteInput, ctx: FormatContext, session: S): RenderOutput | Promise<RenderOutput>;
}

/**
 * Thrown by `Format.open` when the format cannot run on this machine (PDF without Chromium).
 * The message says how to fix it; the build skips the format and the CLI exits 2.
 */
export class FormatUnavailableError extends Error {
  override name = 'FormatUnavailableError';
}

/** Thrown by `build` when it is called wrong (an unknown format name): the CLI exits 2. */
export class BuildUsageError extends Error {
  override name = 'BuildUsageError';
}

/** Define a format with its session type inferred (an identity function, for types). */
export function defineFormat<S = undefined>(format: Format<S>): Format<S> {
  return format;
}
