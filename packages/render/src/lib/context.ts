import type { Diagnostic, Guide } from '@guidekit/model';
import type { ComponentDefinitions } from './components.js';
import type { UiTextOverrides } from './strings.js';
import type { GuideTranslationState } from './format.js';

/** Every output format this package renders. `print` is the HTML the PDF engine prints. */
export type FormatName = 'html' | 'single' | 'json' | 'md' | 'jsonld' | 'print';

/** Width and height of an image, in CSS pixels. */
export interface ImageInfo {
  width: number;
  height: number;
}

/** Where a page of the site lives, so links between pages can be made relative. */
export interface SiteInfo {
  /** Site name shown in the header and the `<title>`. */
  title?: string;
  /** Absolute site URL (`https://example.org/docs/`): makes hreflang and JSON-LD URLs absolute. */
  baseUrl?: string;
  /** Every locale the site publishes, in display order (home page and locale index). */
  locales?: readonly string[];
  /** The source locale (listed first on the home page). */
  sourceLocale?: string;
  /** The schema.org type of the guides' authors (`Organization` for a team). Default `Person`. */
  authorType?: 'Person' | 'Organization';
  /** The schema.org type of named authors, over `authorType` (`{ "IT Team": "Organization" }`). */
  authors?: Readonly<Record<string, 'Person' | 'Organization'>>;
}

/**
 * What a render function needs besides the guide. Every field is optional so a developer can
 * call `renderHtml(guide)` alone; the build passes everything.
 */
export interface RenderContext {
  /** The same slug in other locales (the guide itself may be included: it is skipped). */
  translations?: readonly Guide[];
  /** Site-wide facts. */
  site?: SiteInfo;
  /**
   * URL of `to` rendered as `format`, relative to the page of `from` in the same format.
   * Default: the layout `<locale>/<slug>/index.html` of `dist/html/` (and `<locale>/<slug>.<ext>`
   * for the other formats).
   */
  hrefFor?: (from: Guide | null, to: Guide, format: FormatName) => string;
  /**
   * URL to put in `src` for an image of the guide (`/images/a.png` as written). Default: as written.
   * The build maps `/images/...` onto the copied static folder with it.
   */
  assetHref?: (url: string, guide: Guide) => string;
  /** Size of an image as written in the guide, when known (read from the file header). */
  imageInfo?: (url: string, guide: Guide) => ImageInfo | undefined;
  /**
   * Bytes of an image as written in the guide, for single-file inlining. The caller enforces the
   * path rules (see `createAssetReader`, which does). Returning `undefined` leaves the image as a link.
   */
  readAsset?: (url: string, guide: Guide) => Uint8Array | undefined;
  /** Receives render diagnostics (`render/*` rule ids) as they are found. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /** Paper size of the print HTML (`@page size`). Default `A4`. */
  paper?: 'A4' | 'Letter';
  /** MDX components a project adds or replaces (renderers, or aliases from its configuration). */
  components?: ComponentDefinitions;
  /**
   * The guide's translation state, as `guidekit-i18n status` computes it (the publisher passes it
   * in; render never reads stamps or git itself): a stale translation's notices, and the locales
   * the switcher lists as "not translated yet".
   */
  translation?: GuideTranslationState | undefined;
  /**
   * Every guide of the site, for navigation: the sidebar, previous/next within a category,
   * breadcrumbs (outlines are enough: title, slug, locale, front matter). Without it a page has
   * breadcrumbs only.
   */
  siteGuides?: readonly Guide[];
  /** Wrap long code lines instead of scrolling them (with a visible edge). */
  codeWrap?: boolean;
  /**
   * Site pages link the site's stylesheet file (`_static/site-<hash>.css`, which the caller
   * publishes: the `html` format does) instead of inlining it. Default: inline, so a page rendered
   * alone is whole.
   */
  stylesheetFile?: boolean;
  /** Words of the page chrome a project adds or replaces, by language. */
  strings?: UiTextOverrides;
}

/**
 * Default relative URL between two pages of the same format, matching the `dist/` layout of the
 * design: `html/<locale>/<slug>/index.html`, `single/<locale>/<slug>.html`, `json|jsonld/<locale>/<slug>.json`,
 * `md/<locale>/<slug>.md`. `from = null` means the root of that format's folder.
 *
 * @param from Guide whose page holds the link, or null for the folder root (home page).
 * @param to Guide linked to.
 * @param format Output format of both pages.
 * @returns A relative URL with no leading slash.
 */
export function defaultHrefFor(from: Guide | null, to: Guide, format: FormatName): string {
  const seg = (s: string): string => encodeURIComponent(s);
  const up = from === null ? '' : format === 'html' ? '../../' : '../';
  switch (format) {
    case 'html':
      return `${up}${seg(to.locale)}/${seg(to.slug)}/index.html`;
    case 'single':
    case 'print':
      return `${up}${seg(to.locale)}/${seg(to.slug)}.html`;
    case 'md':
      return `${up}${seg(to.locale)}/${seg(to.slug)}.md`;
    case 'json':
    case 'jsonld':
      return `${up}${seg(to.locale)}/${seg(to.slug)}.json`;
  }
}

/**
 * Absolute URL of a guide's HTML page when the site has a `baseUrl`, else the relative `href`.
 *
 * @param ctx Render context (its `site.baseUrl`).
 * @param guide Guide whose page is wanted.
 * @returns An absolute URL, or a relative one when no base URL is known.
 */
export function pageUrl(ctx: RenderContext, guide: Guide): string | undefined {
  const base = ctx.site?.baseUrl;
  if (!base) return undefined;
  return siteHref(base, `${encodeURIComponent(guide.locale)}/${encodeURIComponent(guide.slug)}/`);
}

/**
 * `url` resolved against a site's base URL read as a folder (`https://x.org/docs` is
 * `https://x.org/docs/`), the one way every absolute URL of the site is made.
 *
 * @param base The site's base URL.
 * @param url A URL relative to the site's root (or already absolute).
 * @returns The absolute URL, or `undefined` when `base` is not a URL.
 */
export function siteHref(base: string, url: string): string | undefined {
  try {
    return new URL(url, base.endsWith('/') ? base : `${base}/`).href;
  } catch {
    return undefined;
  }
}
