import { defaultKeywords, foldKeyword, keywordMatcher } from '@guidekit/parser';
import type { KeywordsOption, LocaleKeywords } from '@guidekit/parser';
import type { Guide, TranslationStamp } from '@guidekit/model';
import { computeStamp, stampBaseline } from './staleness.js';
import { writeStamp } from './stamp-text.js';
import type { Baseline, GuideDoc } from './types.js';

/** Options of `scaffold`. */
export interface ScaffoldOptions {
  /** Target locale (`en`). */
  to: string;
  /** Extra keywords (the configuration's), merged with the parser's dictionary. */
  keywords?: KeywordsOption | undefined;
}

function wordsOf(locale: string, keywords: KeywordsOption | undefined): LocaleKeywords | undefined {
  const lang = locale.toLowerCase().split(/[-_]/)[0]!;
  const base = defaultKeywords[lang];
  const extra = Object.entries(keywords ?? {}).find(([key]) => key.toLowerCase().split(/[-_]/)[0] === lang)?.[1];
  if (!base && !extra) return undefined;
  const pick = (field: keyof LocaleKeywords) => [...(base?.[field] ?? []), ...(extra?.[field] ?? [])];
  return { step: pick('step'), introduction: pick('introduction'), prerequisites: pick('prerequisites'), conclusion: pick('conclusion'), sources: pick('sources') };
}

const HEADING = /^(\s{0,3}#{1,6}[ \t]+)(.*?)([ \t]+#+)?([ \t]*)$/;

/**
 * A translation skeleton of a source guide: the same file with step headings and known section
 * headings put in the target language through the parser's keyword dictionary (`Étape 1 :` →
 * `Step 1:`, `Prérequis` → `Prerequisites`), everything else (prose to translate, images,
 * links, code blocks, UI-label markers, front matter) kept as is, and a `translationOf` stamp.
 * The result passes every structural rule; only content rules (untranslated prose, an
 * untranslated title) remain for the translator.
 *
 * @param source The source guide and its text.
 * @param options The target locale and extra keywords.
 * @returns The skeleton's text, with the source's line endings.
 */
export function scaffoldText(source: GuideDoc, options: ScaffoldOptions): string {
  const text = source.text ?? '';
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const from = wordsOf(source.guide.locale, options.keywords);
  const to = wordsOf(options.to, options.keywords);
  const matcher = keywordMatcher(source.guide.locale, options.keywords ?? {});
  const headingLines = new Set(source.guide.sections.filter((section) => section.heading !== null).map((section) => section.position.start.line));
  for (const line of headingLines) {
    const current = lines[line - 1];
    if (current === undefined || !to) continue;
    const match = HEADING.exec(current);
    if (!match) continue;
    const [, open, content = '', close = '', trailing = ''] = match;
    lines[line - 1] = `${open}${translateHeading(content, matcher, from, to)}${close}${trailing}`;
  }
  const body = lines.join(eol);
  return writeStamp(body, computeStamp(source.guide));
}

function translateHeading(content: string, matcher: ReturnType<typeof keywordMatcher>, from: LocaleKeywords | undefined, to: LocaleKeywords): string {
  // Step headings: replace the word, number and separator; keep the title as written.
  const folded = content.normalize('NFD').replace(/\p{M}+/gu, '');
  const step = matcher.stepPattern.exec(folded);
  if (step && to.step[0]) {
    const number = step[2]!;
    const variant = step[3] ? { bis: 'b', ter: 'c', quater: 'd' }[step[3].toLowerCase()] ?? '' : (step[4] ?? '').toLowerCase();
    // Count the original characters the folded match covers (precomposed letters fold 1:1
    // once marks are dropped, so walk the NFD form as the parser does).
    const nfd = content.normalize('NFD');
    let consumed = 0;
    let i = 0;
    while (i < nfd.length && consumed < step[0].length) {
      if (!/\p{M}/u.test(nfd[i]!)) consumed++;
      i++;
    }
    while (i < nfd.length && /\p{M}/u.test(nfd[i]!)) i++;
    const title = nfd.slice(i).normalize('NFC');
    return `${to.step[0]} ${number}${variant}:${title ? ` ${title}` : ''}`;
  }
  if (!from) return content;
  const key = foldKeyword(content);
  for (const kind of ['introduction', 'prerequisites', 'conclusion', 'sources'] as const) {
    const index = from[kind].findIndex((word) => foldKeyword(word) === key);
    if (index === -1) continue;
    const words = to[kind];
    return words[Math.min(index, words.length - 1)] ?? content;
  }
  return content;
}

/**
 * The stamp that records a translation as made from `source` now: a fresh stamp of the source
 * (acknowledgements dropped, they are no longer needed).
 *
 * @param text The translation's text.
 * @param source The source guide as it is now.
 * @returns The new text.
 */
export function stampText(text: string, source: Guide): string {
  return writeStamp(text, computeStamp(source));
}

/**
 * Accept source changes as needing no re-translation: the current hashes of `steps` (default:
 * every stale step and section) are recorded under `translationOf.acknowledged`. With no stamp,
 * `baseline` (from git history) becomes the stamp; with neither, the translation is stamped as
 * made from the current source.
 *
 * @param text The translation's text.
 * @param translation The parsed translation.
 * @param source The source guide as it is now.
 * @param options Steps to accept (`step-3`), and a history baseline.
 * @returns The new text and the keys acknowledged.
 */
export function acknowledgeText(
  text: string,
  translation: Guide,
  source: Guide,
  options: { steps?: readonly string[] | undefined; baseline?: Baseline | undefined } = {},
): { text: string; acknowledged: string[] } {
  const current = computeStamp(source);
  const baseline = stampBaseline(translation) ?? options.baseline;
  if (!baseline) return { text: writeStamp(text, current), acknowledged: Object.keys(current.steps) };
  const stamp: TranslationStamp = {
    locale: baseline.locale ?? source.locale,
    hash: baseline.hash ?? '',
    steps: baseline.steps,
    sections: baseline.sections,
  };
  const acknowledged = { ...baseline.acknowledged };
  const now: Record<string, string> = { ...current.steps, ...(current.sections ?? {}) };
  const wanted = options.steps && options.steps.length > 0
    ? options.steps
    : Object.keys(now).filter((key) => (baseline.steps[key] ?? baseline.sections[key]) !== now[key]);
  const done: string[] = [];
  for (const key of wanted) {
    const hash = now[key];
    if (hash === undefined) continue;
    acknowledged[key] = hash;
    done.push(key);
  }
  if (Object.keys(acknowledged).length > 0) stamp.acknowledged = acknowledged;
  return { text: writeStamp(text, stamp), acknowledged: done };
}
