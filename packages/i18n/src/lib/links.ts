import { byCodeUnit } from '@guidekit/model';

/** Query parameters that only carry a display language. */
const LOCALE_PARAMS = new Set(['lang', 'hl', 'locale', 'language', 'setlang', 'mkt', 'ui_locales', 'lc', 'ln', 'culture', 'uilang']);

const LOCALE_TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,4})?$/i;

/** What the URL normaliser needs to know. */
export interface LinkNormaliseOptions {
  /** The languages whose tags are not differences (`fr`, `en`); primary subtags are compared. */
  locales: readonly string[];
  /** Extra patterns (regular expression sources) removed from the URL before comparison. */
  patterns?: readonly string[] | undefined;
}

const compiled = new Map<string, RegExp>();

function pattern(source: string): RegExp | undefined {
  let re = compiled.get(source);
  if (!re) {
    try {
      re = new RegExp(source, 'gi');
    } catch {
      return undefined;
    }
    compiled.set(source, re);
  }
  re.lastIndex = 0;
  return re;
}

function isLocaleTag(segment: string, languages: ReadonlySet<string>): boolean {
  const match = LOCALE_TAG.exec(segment);
  return match !== null && languages.has(match[1]!.toLowerCase());
}

/**
 * Reduce a URL to what must agree between a source and its translation: locale segments in the
 * path (`/fr-ca/`, `/en/`), locale sub-domains (`fr.wikipedia.org`), language query parameters
 * (`?lang=`, `hl=`), fragments (anchors are localised) and a trailing slash are dropped; `YOUR_TENANT`-style
 * placeholders match each other, and case is ignored.
 *
 * @param url The URL as written.
 * @param options The locales of both sides and extra patterns.
 * @returns A comparison key; two links agree when their keys are equal.
 */
export function normaliseUrl(url: string, options: LinkNormaliseOptions): string {
  const languages = new Set(options.locales.map((locale) => locale.toLowerCase().split(/[-_]/)[0]!));
  let text = url.trim();
  for (const source of options.patterns ?? []) {
    const re = pattern(source);
    if (re) text = text.replace(re, '');
  }
  // `YOUR_TENANT` / `VOTRE_TENANT`: a placeholder the reader replaces, translated on purpose.
  text = text.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, '{placeholder}');
  let parsed: URL;
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(text);
  try {
    parsed = new URL(text, 'relative://x');
  } catch {
    return text;
  }
  if (parsed.protocol === 'mailto:' || parsed.protocol === 'tel:') return text.toLowerCase();
  const hostLabels = parsed.hostname.toLowerCase().split('.');
  if (hostLabels.length > 2 && isLocaleTag(hostLabels[0]!, languages)) hostLabels.shift();
  const host = hostLabels.join('.').replace(/^www\./, '');
  const path = parsed.pathname
    .split('/')
    .filter((segment) => segment !== '' && !isLocaleTag(decodeURIComponent(safe(segment)), languages))
    .join('/');
  const params = [...parsed.searchParams.entries()]
    .filter(([key, value]) => !LOCALE_PARAMS.has(key.toLowerCase()) && !isLocaleTag(value, languages))
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const scheme = absolute ? parsed.protocol.replace(/^https?:$/, 'http:') + '//' : '';
  // Case is ignored: a translation that writes `Passkeys` for `passkeys` links the same page on
  // every documentation site seen, and a false alarm costs more than this rare miss.
  return `${scheme}${absolute ? host : ''}/${path}${params ? `?${params}` : ''}`.toLowerCase();
}

function safe(segment: string): string {
  try {
    decodeURIComponent(segment);
    return segment;
  } catch {
    return '';
  }
}

/**
 * Whether two URLs point at one site in two languages through its language sub-domains
 * (`en.wikipedia.org/wiki/Lighthouse` and `fr.wikipedia.org/wiki/Phare`): such a site names its
 * pages in each language, so the localised page is a correct translation of the link.
 *
 * @param a One URL.
 * @param b The other.
 * @param locales The languages of both sides.
 */
export function sameLocalisedSite(a: string, b: string, locales: readonly string[]): boolean {
  const languages = new Set(locales.map((locale) => locale.toLowerCase().split(/[-_]/)[0]!));
  const split = (url: string) => {
    try {
      const labels = new URL(url).hostname.toLowerCase().split('.');
      return labels.length > 2 && isLocaleTag(labels[0]!, languages) ? { language: labels[0]!, site: labels.slice(1).join('.') } : undefined;
    } catch {
      return undefined;
    }
  };
  const x = split(a);
  const y = split(b);
  return x !== undefined && y !== undefined && x.site === y.site && x.language !== y.language;
}

/**
 * Whether two URLs name one page of a site in two languages by their path: the same host, a
 * language segment in each path (`/en-US/docs/`, `/fr/docs/`), and the same last segment. A
 * localised site may file the page elsewhere (MDN's `/fr/docs/Web/HTML/Reference/Global_attributes`
 * for `/en-US/docs/Web/HTML/Global_attributes`): the page named as the source's is the same page.
 *
 * @param a One URL.
 * @param b The other.
 * @param locales The languages of both sides.
 */
export function sameLocalisedPage(a: string, b: string, locales: readonly string[]): boolean {
  const languages = new Set(locales.map((locale) => locale.toLowerCase().split(/[-_]/)[0]!));
  const split = (url: string) => {
    try {
      const parsed = new URL(url);
      const segments = parsed.pathname.split('/').filter(Boolean);
      const language = segments.find((segment) => isLocaleTag(segment, languages));
      return language ? { host: parsed.hostname.toLowerCase().replace(/^www\./, ''), language: language.toLowerCase(), last: segments.at(-1)!.toLowerCase() } : undefined;
    } catch {
      return undefined;
    }
  };
  const x = split(a);
  const y = split(b);
  return x !== undefined && y !== undefined && x.host === y.host && x.language !== y.language && x.last === y.last;
}
