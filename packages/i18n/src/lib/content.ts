import path from 'node:path';
import type { LoadedContent } from '@guidekit/content';
import type { Diagnostic, Guide } from '@guidekit/model';
import { gitHistory, type History } from './git.js';
import type { TranslationGroupInput } from './lint.js';
import { localeMatches } from './locale-match.js';
import { guideBaseline } from './staleness.js';
import type { Baseline, GuideDoc, I18nOptions, Rule } from './types.js';

/** Options shared by `lintContent` and `computeStatus`. */
export interface ContentI18nOptions {
  /** Source locale; default: the configuration's `sourceLocale`. */
  sourceLocale?: string | undefined;
  /** Target locales; default: the configuration's `locales`, else every translated locale. */
  targetLocales?: readonly string[] | undefined;
  /**
   * Where history comes from when a translation has no stamp: a `History`, `false` for none,
   * or `undefined` to use git when the content root is in a git work tree.
   */
  history?: History | false | undefined;
}

/** The guide with its text, read through the loader. */
export function docOf(content: LoadedContent, guide: Guide): GuideDoc {
  return { guide, text: content.readSource(guide) };
}

/** Translation groups of a loaded content tree, with file texts attached. */
export function groupsOf(content: LoadedContent): TranslationGroupInput[] {
  return content.translations.map((group) => ({
    slug: group.slug,
    source: group.source ? docOf(content, group.source) : undefined,
    translations: group.translations.map((guide) => docOf(content, guide)),
  }));
}

/** The source and target locales a command works on. */
export function localesOf(content: LoadedContent, options: ContentI18nOptions): { sourceLocale: string; targetLocales: string[] } {
  const sourceLocale = options.sourceLocale ?? content.config.sourceLocale;
  let targets =
    options.targetLocales && options.targetLocales.length > 0 ? [...options.targetLocales] : content.config.locales ? [...content.config.locales] : [];
  if (targets.length === 0) targets = [...new Set(content.guides.map((guide) => guide.locale))].sort();
  return { sourceLocale, targetLocales: targets.filter((locale) => !localeMatches(locale, sourceLocale)) };
}

export function historyOf(content: LoadedContent, option: History | false | undefined): History | undefined {
  if (option === false) return undefined;
  return option ?? gitHistory(content.root);
}

/**
 * The source as it was at the translation's last commit, parsed: what the translation was
 * made from when it carries no stamp.
 *
 * @returns The baseline and the old source, or `undefined` when history cannot tell.
 */
export function historyBaseline(
  content: LoadedContent,
  history: History,
  source: Guide,
  translation: Guide,
): (Baseline & { sourceThen: GuideDoc }) | undefined {
  const commit = history.lastCommit(path.join(content.root, translation.path));
  if (!commit) return undefined;
  const text = history.show(commit, path.join(content.root, source.path));
  if (text === undefined) return undefined;
  // The source has not changed since (the common case): it is already parsed.
  if (text === content.readSource(source)) return { ...guideBaseline(source, commit), sourceThen: { guide: source, text } };
  // Parsed as the load parses the source's file, by the loader (which has the parser): this module does not import it.
  const guide = content.parseText(text, source);
  if (!guide) return undefined;
  return { ...guideBaseline(guide, commit), sourceThen: { guide, text } };
}
