import type { LoadedContent } from '@guidekit/content';
import { byCodeUnit, type Guide, type Position } from '@guidekit/model';
import { unitsOf } from './align.js';
import { docOf, historyBaseline, localesOf, type ContentI18nOptions } from './content.js';
import { factsOf } from './facts.js';
import { gitHistory, type History } from './git.js';
import { localeMatches } from './locale-match.js';
import { stampBaseline, staleUnits, type StaleUnit } from './staleness.js';
import type { Baseline, GuideDoc } from './types.js';

/** The translation state of one guide in one locale. */
export type TranslationState = 'up-to-date' | 'stale' | 'untranslated' | 'missing' | 'orphan' | 'unknown';

/** A source step (or article section) that changed since the translation was made. */
export interface StaleDetail extends StaleUnit {
  /** Step title or section heading. */
  title: string;
  /** Source text of the unit now. */
  now?: string | undefined;
  /** Source text of the unit when the translation was made (from git), if known. */
  then?: string | undefined;
}

/** One row of the status table. */
export interface GuideStatus {
  slug: string;
  locale: string;
  state: TranslationState;
  title: string;
  /** Source path relative to the content root. */
  source?: string | undefined;
  /** Translation path relative to the content root. */
  translation?: string | undefined;
  /** Where staleness came from. */
  origin?: 'stamp' | 'git' | undefined;
  commit?: string | undefined;
  stale: StaleDetail[];
}

/** Totals of one target locale. */
export interface LocaleStatus {
  locale: string;
  /** Source guides (orphans excluded). */
  total: number;
  upToDate: number;
  stale: number;
  /** Translations still holding the source's prose (fresh from `scaffold`). */
  untranslated: number;
  missing: number;
  orphan: number;
  unknown: number;
  /** Share of source guides whose translation is up to date, in percent (one decimal). */
  completion: number;
}

/** What `guidekit-i18n status` prints. */
export interface StatusReport {
  sourceLocale: string;
  locales: LocaleStatus[];
  guides: GuideStatus[];
}

/** Options of `computeStatus`. */
export interface StatusOptions extends ContentI18nOptions {
  /** Attach the source text of stale units, now and then (for the HTML dashboard). */
  withText?: boolean | undefined;
}

/** Lines `position` covers in `text`, trimmed of trailing blank lines. */
export function sliceLines(text: string | undefined, position: Position | undefined): string | undefined {
  if (text === undefined || !position) return undefined;
  const lines = text.split(/\r?\n/).slice(position.start.line - 1, position.end.line);
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines.join('\n');
}

function unitText(doc: GuideDoc | undefined, key: string): string | undefined {
  if (!doc) return undefined;
  const unit = unitsOf(doc.guide).find((candidate) => (candidate.step?.id ?? candidate.key) === key);
  return unit ? sliceLines(doc.text, unit.section.position) : undefined;
}

function titleOf(guide: Guide, key: string): string {
  const unit = unitsOf(guide).find((candidate) => (candidate.step?.id ?? candidate.key) === key);
  return unit?.step?.title ?? unit?.section.heading ?? key;
}

function baselineOf(content: LoadedContent, history: History | undefined, source: Guide, translation: Guide): Baseline | undefined {
  return stampBaseline(translation) ?? (history ? historyBaseline(content, history, source, translation) : undefined);
}

/**
 * The translation state of every guide in every target locale: up to date, stale (with the
 * steps that changed), missing, orphan or unknown (no stamp and no history), plus totals and a
 * completion percentage per locale.
 *
 * @param content What `loadContent` returned.
 * @param options Locales, history, and whether to attach step texts.
 * @returns Rows sorted by locale then slug, and per-locale totals.
 */
export function computeStatus(content: LoadedContent, options: StatusOptions = {}): StatusReport {
  const { sourceLocale, targetLocales } = localesOf(content, options);
  const history = options.history === false ? undefined : (options.history ?? gitHistory(content.root));
  const guides: GuideStatus[] = [];
  for (const locale of targetLocales) {
    for (const group of content.translations) {
      const translation = group.translations.find((guide) => localeMatches(guide.locale, locale));
      const source = group.source;
      if (!source && !translation) continue;
      const row: GuideStatus = {
        slug: group.slug,
        locale: translation?.locale ?? locale,
        state: 'unknown',
        title: (translation ?? source)!.title,
        source: source?.path,
        translation: translation?.path,
        stale: [],
      };
      guides.push(row);
      if (!source) {
        row.state = 'orphan';
        continue;
      }
      if (!translation) {
        row.state = 'missing';
        continue;
      }
      if (stillSourceProse(source, translation)) {
        row.state = 'untranslated';
        continue;
      }
      const baseline = baselineOf(content, history, source, translation);
      if (!baseline) continue;
      row.origin = baseline.origin;
      if (baseline.commit) row.commit = baseline.commit;
      const stale = staleUnits(source, baseline);
      row.state = stale.length > 0 ? 'stale' : 'up-to-date';
      if (stale.length === 0) continue;
      const now = docOf(content, source);
      let then = baseline.sourceThen;
      if (options.withText && !then && history) then = historyBaseline(content, history, source, translation)?.sourceThen;
      row.stale = stale.map((unit) => ({
        ...unit,
        title: titleOf(source, unit.key),
        ...(options.withText ? { now: unitText(now, unit.key), then: unitText(then, unit.key) } : {}),
      }));
    }
  }
  // Code-unit order: the same report on every machine (localeCompare follows the machine's locale).
  guides.sort((a, b) => byCodeUnit(a.locale, b.locale) || byCodeUnit(a.slug, b.slug));
  const locales = targetLocales.map((locale) => {
    const rows = guides.filter((row) => localeMatches(row.locale, locale));
    const count = (state: TranslationState) => rows.filter((row) => row.state === state).length;
    const total = rows.length - count('orphan');
    const upToDate = count('up-to-date');
    return {
      locale,
      total,
      upToDate,
      stale: count('stale'),
      untranslated: count('untranslated'),
      missing: count('missing'),
      orphan: count('orphan'),
      unknown: count('unknown'),
      completion: total === 0 ? 100 : Math.round((upToDate / total) * 1000) / 10,
    };
  });
  return { sourceLocale, locales, guides };
}

/**
 * Whether a translation still says what its source says: at least four in five of its prose
 * blocks of three words or more are the source's, word for word (a scaffold, whose headings
 * only are translated). Such a translation is `untranslated` until its prose differs.
 */
export function stillSourceProse(source: Guide, translation: Guide): boolean {
  const proseOf = (guide: Guide) => unitsOf(guide).flatMap((unit) => factsOf(unit).prose.map((block) => block.prose).filter((prose) => prose.split(' ').length >= 3));
  const theirs = new Set(proseOf(source));
  const ours = proseOf(translation);
  if (ours.length === 0) return false;
  return ours.filter((prose) => theirs.has(prose)).length >= 0.8 * ours.length;
}

/** A status row as words: `up to date`, `stale (steps: 2, 5)`. */
export function describeState(row: GuideStatus): string {
  if (row.state !== 'stale') return row.state.replace(/-/g, ' ');
  const steps = row.stale.filter((unit) => unit.key.startsWith('step-')).map((unit) => unit.key.slice(5));
  const sections = row.stale.filter((unit) => !unit.key.startsWith('step-')).map((unit) => unit.key);
  const parts = [steps.length > 0 ? `steps: ${steps.join(', ')}` : '', sections.length > 0 ? `sections: ${sections.join(', ')}` : ''].filter(Boolean);
  return `stale (${parts.join('; ')})`;
}
