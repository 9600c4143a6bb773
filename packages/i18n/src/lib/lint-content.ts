import type { LoadedContent } from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import { groupsOf, historyBaseline, historyOf, localesOf } from './content.js';
import type { ContentI18nOptions } from './content.js';
import { lintTranslations } from './lint.js';
import type { I18nOptions, Rule } from './types.js';

/** Options of `lintContent`. */
export interface LintContentOptions extends ContentI18nOptions {
  /** Rule severities; merged over the configuration's `rules`. */
  rules?: I18nOptions['rules'];
  ruleList?: readonly Rule[] | undefined;
}

/**
 * Lint every translation of a loaded content tree against its source, with the configuration's
 * severities and link patterns, stamps, and git history for unstamped translations.
 *
 * @param content What `loadContent` returned.
 * @param options Locales, history, severities.
 * @returns Sorted diagnostics (`file` relative to the content root).
 */
export function lintContent(content: LoadedContent, options: LintContentOptions = {}): Diagnostic[] {
  const { sourceLocale, targetLocales } = localesOf(content, options);
  const history = historyOf(content, options.history);
  return lintTranslations(groupsOf(content), {
    sourceLocale,
    targetLocales,
    rules: { ...content.config.rules, ...(options.rules ?? {}) },
    overrides: content.config.overrides,
    linkLocalePatterns: content.config.i18n.linkLocalePatterns,
    ruleList: options.ruleList,
    baselineFor: history ? (source, translation) => historyBaseline(content, history, source.guide, translation.guide) : undefined,
  });
}
