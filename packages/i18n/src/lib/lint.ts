import { createDiagnostic, sortDiagnostics } from '@guidekit/model';
import type { Diagnostic, Position } from '@guidekit/model';
import { alignGuides } from './align.js';
import { startOf } from './compare.js';
import { resolveRule } from '@guidekit/content';
import { rules as defaultRules } from './rules/index.js';
import { localeMatches } from './locale-match.js';
import { stampBaseline } from './staleness.js';
export { localeMatches } from './locale-match.js';
import type { Baseline, GroupContext, GuideDoc, I18nOptions, PairContext, Place, Rule, RuleReport } from './types.js';

/** One source/translation pair to lint. */
export interface LintPairInput {
  /** Pairing key; defaults to the source's slug. */
  slug?: string;
  source: GuideDoc;
  translation: GuideDoc;
  /** What the translation was made from; defaults to its stamp, if any. */
  baseline?: Baseline | undefined;
  options?: I18nOptions | undefined;
  /** Rules to run (default: all). */
  ruleList?: readonly Rule[] | undefined;
}

/** A slug with its source and its translations (the content loader's translation group). */
export interface TranslationGroupInput {
  slug: string;
  source?: GuideDoc | undefined;
  translations: readonly GuideDoc[];
}

/** Options of `lintTranslations`. */
export interface LintTranslationsOptions extends I18nOptions {
  /** The locale of sources (`fr`). */
  sourceLocale: string;
  /** Locales to check (default: every locale a translation is in). */
  targetLocales?: readonly string[] | undefined;
  /** A baseline for pairs with no stamp (from git history, say). */
  baselineFor?: ((source: GuideDoc, translation: GuideDoc) => Baseline | undefined) | undefined;
  /** Rules to run (default: all); severities still come from `rules`. */
  ruleList?: readonly Rule[] | undefined;
}


function toPosition(at: Position | Place | undefined): Position | Place | undefined {
  return at;
}

type Base<T> = Omit<T, 'report' | 'ruleOptions'>;

function run(rule: Rule, group: Base<GroupContext>, pairBase: Base<PairContext> | undefined, options: I18nOptions, out: Diagnostic[]): void {
  const reported = group.translation ?? group.source;
  // The one resolver of settings (`@guidekit/content`): levels, options, overrides by path.
  const { severity, options: ruleOptions } = resolveRule(options, rule.id, rule.meta.defaultSeverity, reported?.guide.path);
  if (!severity) return;
  const relatedDoc = group.translation ? group.source : undefined;
  const report = (r: RuleReport) => {
    const related = startOf(r.related);
    out.push(
      createDiagnostic({
        file: reported?.guide.path ?? group.slug,
        ruleId: rule.id,
        severity,
        message: r.message,
        position: toPosition(r.at),
        ...(related && relatedDoc ? { related: { file: relatedDoc.guide.path, line: Math.max(1, related.line), column: Math.max(1, related.column) } } : {}),
        ...(r.data ? { data: r.data } : {}),
      }),
    );
  };
  rule.check({ ...group, ruleOptions, report }, pairBase ? { ...pairBase, ruleOptions, report } : undefined);
}

/**
 * Lint a translation group for one target locale: coverage rules always, pair rules when both
 * the source and the translation exist. Never throws on content.
 */
function lintGroup(
  slug: string,
  source: GuideDoc | undefined,
  translation: GuideDoc | undefined,
  sourceLocale: string,
  targetLocale: string,
  options: I18nOptions,
  ruleList: readonly Rule[],
  baseline: Baseline | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const group = { slug, source, translation, sourceLocale, targetLocale, options };
  const pair =
    source && translation
      ? { slug, source, translation, alignment: alignGuides(source.guide, translation.guide), baseline: baseline ?? stampBaseline(translation.guide), options }
      : undefined;
  for (const rule of ruleList) run(rule, group, pair, options, out);
  return out;
}

/**
 * Lint one translation against its source with every rule (or `input.rules`).
 *
 * @param input The two guides (with their text for exact columns), options and baseline.
 * @returns Diagnostics on the translation, sorted, each with `related` on the source.
 */
export function lintPair(input: LintPairInput): Diagnostic[] {
  const options = input.options ?? {};
  const slug = input.slug ?? input.source.guide.slug;
  return sortDiagnostics(
    lintGroup(slug, input.source, input.translation, input.source.guide.locale, input.translation.guide.locale, options, input.ruleList ?? defaultRules, input.baseline),
  );
}

/**
 * Lint every translation group: each source against its translation in every target locale,
 * plus missing and orphan translations.
 *
 * @param groups Groups by slug (as the content loader pairs them).
 * @param options Source locale, target locales, rule severities, link patterns, baseline hook.
 * @returns Sorted diagnostics.
 */
export function lintTranslations(groups: readonly TranslationGroupInput[], options: LintTranslationsOptions): Diagnostic[] {
  const ruleList = options.ruleList ?? defaultRules;
  const targets =
    options.targetLocales && options.targetLocales.length > 0
      ? [...options.targetLocales]
      : [...new Set(groups.flatMap((group) => group.translations.map((doc) => doc.guide.locale)))].filter((locale) => !localeMatches(locale, options.sourceLocale)).sort();
  const out: Diagnostic[] = [];
  for (const group of groups) {
    for (const target of targets) {
      const translation = group.translations.find((doc) => localeMatches(doc.guide.locale, target));
      if (!group.source && !translation) continue;
      const baseline =
        group.source && translation && !translation.guide.frontmatter.translationOf ? options.baselineFor?.(group.source, translation) : undefined;
      out.push(...lintGroup(group.slug, group.source, translation, options.sourceLocale, target, options, ruleList, baseline));
    }
  }
  return sortDiagnostics(out);
}
