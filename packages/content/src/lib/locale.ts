/**
 * Locale detection from paths: BCP 47 folder names (`fr`, `en-US`), language-name folders as
 * site generators lay them out (`french`, `english`, `français`...), and `<slug>.<locale>.md`
 * file name suffixes.
 */

/**
 * Built-in language-name folder aliases, lower-case, keyed by the folder name. Both English and
 * native names, because sites lay out folders in either (`french/`, `français/`).
 */
export const DEFAULT_LOCALE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  english: 'en',
  anglais: 'en',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  espagnol: 'es',
  italian: 'it',
  italiano: 'it',
  italien: 'it',
  portuguese: 'pt',
  português: 'pt',
  portugues: 'pt',
  portugais: 'pt',
  dutch: 'nl',
  nederlands: 'nl',
  néerlandais: 'nl',
  polish: 'pl',
  polski: 'pl',
  swedish: 'sv',
  svenska: 'sv',
  danish: 'da',
  dansk: 'da',
  norwegian: 'nb',
  norsk: 'nb',
  finnish: 'fi',
  suomi: 'fi',
  japanese: 'ja',
  chinese: 'zh',
  korean: 'ko',
  russian: 'ru',
  arabic: 'ar',
  turkish: 'tr',
  türkçe: 'tr',
});

// `fallback: 'none'` makes unknown language subtags come back undefined, so a folder named
// `api` or `img` is not mistaken for a locale even though it is well-formed BCP 47.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const bcp47Shape = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/i;
const tagCache = new Map<string, string | undefined>();

/**
 * Canonicalise `tag` when it is a BCP 47 tag of a known language (`en-us` → `en-US`).
 *
 * @param tag A candidate tag (a folder name or a file name suffix).
 * @returns The canonical tag, or `undefined` when `tag` is not a known language tag.
 */
export function canonicalLocale(tag: string): string | undefined {
  if (tagCache.has(tag)) return tagCache.get(tag);
  let result: string | undefined;
  if (bcp47Shape.test(tag)) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      const language = canonical?.split('-')[0];
      if (canonical && language && languageNames.of(language) !== undefined) result = canonical;
    } catch {
      result = undefined;
    }
  }
  tagCache.set(tag, result);
  return result;
}

/**
 * Merge the built-in alias table with configured aliases (configured ones win). Keys are
 * lower-cased so folder matching is case-insensitive.
 *
 * @param extra Aliases from `guidekit.config.json` (`{ "anglais": "en" }`).
 * @returns The merged table.
 */
export function mergeLocaleAliases(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const merged: Record<string, string> = { ...DEFAULT_LOCALE_ALIASES };
  for (const [name, tag] of Object.entries(extra)) merged[name.toLowerCase()] = canonicalLocale(tag) ?? tag;
  return merged;
}

/**
 * The locale a folder name stands for: an alias (`french`) or a BCP 47 tag (`fr`, `en-US`).
 *
 * @param name One path segment.
 * @param aliases The merged alias table (see {@link mergeLocaleAliases}).
 * @returns The canonical tag, or `undefined` when the folder is not a locale folder.
 */
export function localeFromFolder(name: string, aliases: Readonly<Record<string, string>>): string | undefined {
  const alias = aliases[name.normalize('NFC').toLowerCase()];
  if (alias !== undefined) return alias;
  return canonicalLocale(name);
}

/**
 * Split `slug.fr.md` into the stem and the locale suffix. Only BCP 47 tags count as suffixes,
 * so `v1.2.md` or `setup.guide.md` keep their dots.
 *
 * @param stem The file name without its `.md` / `.mdx` extension.
 * @returns The stem without the suffix and the suffix's canonical locale, if any.
 */
export function splitLocaleSuffix(stem: string): { stem: string; locale?: string } {
  const dot = stem.lastIndexOf('.');
  if (dot <= 0) return { stem };
  const locale = canonicalLocale(stem.slice(dot + 1));
  return locale ? { stem: stem.slice(0, dot), locale } : { stem };
}

/**
 * Whether `locale` belongs to `source`: the same tag, or a regional variant of a source given
 * without a region (`fr-CA` belongs to `fr`).
 *
 * @param locale A guide's locale.
 * @param source The configured source locale.
 * @returns `true` when the guide is written in the source language.
 */
export function isSourceLocale(locale: string, source: string): boolean {
  if (locale === source) return true;
  return !source.includes('-') && locale.split('-')[0] === source;
}
