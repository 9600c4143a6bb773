import { byCodeUnit, createDiagnostic, type Diagnostic, type Guide } from '@guidekit/model';
import { isSourceLocale } from './locale.js';

/** Rule id: two guides with one slug in one locale. */
export const DUPLICATE_SLUG_RULE_ID = 'content/duplicate-slug';
/** Rule id: a translation whose source guide does not exist. */
export const ORPHAN_TRANSLATION_RULE_ID = 'content/orphan-translation';
/** Rule id: a source guide with no translation in a locale the site has. */
export const MISSING_TRANSLATION_RULE_ID = 'content/missing-translation';

/** What pairing needs to know of a guide. */
export interface Pairable {
  slug: string;
  locale: string;
  path: string;
}

/** A guide and its translations, paired by slug. */
export interface TranslationGroup<G extends Pairable = Guide> {
  slug: string;
  /** The guide in the source locale; absent for orphan translations. */
  source?: G;
  /** The guides in the other locales, one per locale, sorted by locale. */
  translations: G[];
}

/** Options of {@link pairTranslations}. */
export interface PairOptions {
  sourceLocale: string;
  /** Locales the site publishes; a source missing one of them is untranslated. */
  locales: readonly string[];
}

/**
 * Group guides by slug and report duplicate slugs in one locale, orphan translations and
 * untranslated sources.
 *
 * @param guides Guides (or anything with slug, locale and path) sorted by slug, locale, path;
 *   the first of duplicates is kept.
 * @param options Source locale and the site's locales.
 * @returns The groups (sorted by slug) and the diagnostics.
 */
export function pairTranslations<G extends Pairable = Guide>(
  guides: readonly G[],
  options: PairOptions,
): { groups: TranslationGroup<G>[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bySlug = new Map<string, Map<string, G>>();
  for (const guide of guides) {
    let byLocale = bySlug.get(guide.slug);
    if (!byLocale) {
      byLocale = new Map();
      bySlug.set(guide.slug, byLocale);
    }
    const first = byLocale.get(guide.locale);
    if (first) {
      diagnostics.push(
        createDiagnostic({
          file: guide.path,
          ruleId: DUPLICATE_SLUG_RULE_ID,
          message: `Unexpected second \`${guide.locale}\` guide with slug \`${guide.slug}\`, expected one guide per slug and locale (the first is \`${first.path}\`)`,
          related: { file: first.path, line: 1, column: 1 },
          data: { slug: guide.slug, locale: guide.locale, first: first.path },
        }),
      );
      continue;
    }
    byLocale.set(guide.locale, guide);
  }

  const groups: TranslationGroup<G>[] = [];
  const slugs = [...bySlug.keys()].sort(byCodeUnit);
  for (const slug of slugs) {
    const byLocale = bySlug.get(slug) ?? new Map<string, G>();
    const all = [...byLocale.values()];
    const source = byLocale.get(options.sourceLocale) ?? all.find((g) => isSourceLocale(g.locale, options.sourceLocale));
    const translations = all.filter((g) => g !== source).sort((a, b) => byCodeUnit(a.locale, b.locale));
    const group: TranslationGroup<G> = source ? { slug, source, translations } : { slug, translations };
    groups.push(group);
    if (!source) {
      for (const guide of translations) {
        diagnostics.push(
          createDiagnostic({
            file: guide.path,
            ruleId: ORPHAN_TRANSLATION_RULE_ID,
            message: `Unexpected \`${guide.locale}\` translation \`${slug}\` without a source, expected a guide in the source locale \`${options.sourceLocale}\` with the same slug (file name or \`translationKey\`)`,
            data: { slug, locale: guide.locale, sourceLocale: options.sourceLocale },
          }),
        );
      }
      continue;
    }
    for (const locale of options.locales) {
      if (isSourceLocale(locale, options.sourceLocale) && !byLocale.has(locale)) continue;
      if (locale === source.locale || byLocale.has(locale)) continue;
      diagnostics.push(
        createDiagnostic({
          file: source.path,
          ruleId: MISSING_TRANSLATION_RULE_ID,
          severity: 'warning',
          message: `No \`${locale}\` translation of \`${slug}\`: expected ${expectedTranslationPlace(source.path, options.sourceLocale, locale)} (or another file with the same \`translationKey\`)`,
          data: { slug, locale },
        }),
      );
    }
  }
  return { groups, diagnostics };
}


/**
 * Where a translation of the guide at `sourcePath` is expected, for a message: the same path in
 * the target locale's folder or with its suffix when the source's own layout shows which; a
 * description when it does not (a folder alias such as `french/` cannot be mapped back).
 */
function expectedTranslationPlace(sourcePath: string, sourceLocale: string, locale: string): string {
  const parts = sourcePath.split('/');
  const file = parts[parts.length - 1] ?? sourcePath;
  const lower = sourceLocale.toLowerCase();
  const folder = parts.slice(0, -1).findIndex((part) => part.toLowerCase() === lower);
  if (folder >= 0) return `\`${[...parts.slice(0, folder), locale, ...parts.slice(folder + 1)].join('/')}\``;
  const suffix = file.match(/^(.*)\.([^./]+)(\.mdx?)$/);
  if (suffix && suffix[2]?.toLowerCase() === lower) return `\`${[...parts.slice(0, -1), `${suffix[1]}.${locale}${suffix[3]}`].join('/')}\``;
  if (parts.length === 1) return `\`${locale}/${file}\``;
  return `a guide in \`${locale}\` named \`${file}\` (in its locale folder or with a \`.${locale}\` suffix)`;
}
