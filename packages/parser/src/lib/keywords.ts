/**
 * The words that introduce steps and named sections, per language.
 *
 * Guides are written by people, in several languages, and translations keep the source's words
 * now and then (a French `Définition` in an English file). So a heading is matched against the
 * guide's own locale first and then against every locale's words.
 */

/** Section kinds that a heading's words can name (steps are matched separately). */
export type KeywordSectionKind = 'introduction' | 'prerequisites' | 'conclusion' | 'sources';

/** The words of one language. Every field is a list of whole headings or step words. */
export interface LocaleKeywords {
  /** Words that start a step heading and are followed by its number: `Étape`, `Step`. */
  step: string[];
  /** Headings of an introduction / definition section. */
  introduction: string[];
  /** Headings of a prerequisites section. */
  prerequisites: string[];
  /** Headings of a conclusion section. */
  conclusion: string[];
  /** Headings of a sources / references section. */
  sources: string[];
}

/**
 * Extra words per locale (a BCP 47 tag or its language part: `fr`, `pt-BR`). They are added to
 * the defaults, never replace them, so a configuration can only widen what is recognised.
 */
export type KeywordsOption = Record<string, Partial<LocaleKeywords>>;

/**
 * The default dictionary: fr, en, es, de, it, pt, nl. Matching ignores case, accents and trailing
 * punctuation, so `Prerequis :` matches `Prérequis`.
 */
export const defaultKeywords: Readonly<Record<string, Readonly<LocaleKeywords>>> = Object.freeze({
  fr: {
    step: ['Étape', 'Etape'],
    introduction: ['Introduction', 'Définition', 'Définitions', 'Présentation', 'Contexte'],
    prerequisites: ['Prérequis', 'Pré-requis', 'Pré requis', 'Conditions préalables'],
    conclusion: ['Conclusion'],
    sources: ['Sources', 'Source', 'Références', 'Liens utiles'],
  },
  en: {
    step: ['Step'],
    introduction: ['Introduction', 'Definition', 'Definitions', 'Overview', 'Background'],
    prerequisites: ['Prerequisites', 'Prerequisite', 'Pre-requisites', 'Requirements', 'Before you begin'],
    conclusion: ['Conclusion', 'Summary', 'Wrap-up'],
    sources: ['Sources', 'Source', 'References', 'Further reading'],
  },
  es: {
    step: ['Paso'],
    introduction: ['Introducción', 'Definición', 'Presentación'],
    prerequisites: ['Requisitos previos', 'Requisitos', 'Prerrequisitos', 'Requerimientos'],
    conclusion: ['Conclusión', 'Conclusiones'],
    sources: ['Fuentes', 'Referencias'],
  },
  de: {
    step: ['Schritt'],
    introduction: ['Einleitung', 'Einführung', 'Definition', 'Überblick'],
    prerequisites: ['Voraussetzungen', 'Vorbedingungen', 'Anforderungen'],
    conclusion: ['Fazit', 'Zusammenfassung', 'Schlussfolgerung'],
    sources: ['Quellen', 'Referenzen', 'Weiterführende Links'],
  },
  it: {
    step: ['Passo', 'Passaggio', 'Fase'],
    introduction: ['Introduzione', 'Definizione', 'Panoramica'],
    prerequisites: ['Prerequisiti', 'Requisiti'],
    conclusion: ['Conclusione', 'Conclusioni'],
    sources: ['Fonti', 'Riferimenti'],
  },
  pt: {
    step: ['Passo', 'Etapa'],
    introduction: ['Introdução', 'Definição', 'Visão geral'],
    prerequisites: ['Pré-requisitos', 'Pré requisitos', 'Requisitos'],
    conclusion: ['Conclusão'],
    sources: ['Fontes', 'Referências'],
  },
  nl: {
    step: ['Stap'],
    introduction: ['Inleiding', 'Introductie', 'Definitie', 'Overzicht'],
    prerequisites: ['Vereisten', 'Voorwaarden', 'Benodigdheden'],
    conclusion: ['Conclusie', 'Samenvatting'],
    sources: ['Bronnen', 'Referenties'],
  },
} satisfies Record<string, LocaleKeywords>);

/** A compiled dictionary for one locale: what the section builder asks. */
export interface KeywordMatcher {
  /** Matches `<word> <number>[variant] [sep] <title>` at the start of a heading's plain text. */
  stepPattern: RegExp;
  /** Looks up a heading's normalised text. */
  sectionKind(headingText: string): KeywordSectionKind | undefined;
}

const KINDS: readonly KeywordSectionKind[] = ['introduction', 'prerequisites', 'conclusion', 'sources'];

/**
 * Fold a heading for comparison: lower case, no accents, single spaces, no trailing
 * punctuation (`Prérequis :` and `prerequis` compare equal).
 */
export function foldKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s:.!?;,\-–—]+$/u, '')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function baseLanguage(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0] ?? '';
}

function wordsFor(dict: Record<string, Partial<LocaleKeywords>>, lang: string, field: keyof LocaleKeywords): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(dict)) {
    if (baseLanguage(key) === lang) out.push(...(value[field] ?? []));
  }
  return out;
}

const cache = new WeakMap<object, Map<string, KeywordMatcher>>();
const noExtra: KeywordsOption = {};

/**
 * Build (and cache) the matcher for a locale: that locale's words first, then every other
 * locale's, defaults merged with `extra`.
 *
 * @param locale The guide's locale (`fr`, `en-US`).
 * @param extra Extra words per locale, added to the defaults.
 * @returns A matcher for step headings and section headings.
 */
export function keywordMatcher(locale: string, extra: KeywordsOption = noExtra): KeywordMatcher {
  let perLocale = cache.get(extra);
  if (!perLocale) {
    perLocale = new Map();
    cache.set(extra, perLocale);
  }
  const lang = baseLanguage(locale);
  const hit = perLocale.get(lang);
  if (hit) return hit;

  const langs = new Set<string>([lang]);
  for (const key of [...Object.keys(defaultKeywords), ...Object.keys(extra)]) langs.add(baseLanguage(key));

  const stepWords: string[] = [];
  const sectionMap = new Map<string, KeywordSectionKind>();
  for (const l of langs) {
    stepWords.push(...wordsFor(defaultKeywords, l, 'step'), ...wordsFor(extra, l, 'step'));
    for (const kind of KINDS) {
      for (const word of [...wordsFor(defaultKeywords, l, kind), ...wordsFor(extra, l, kind)]) {
        const folded = foldKeyword(word);
        // First locale wins, so the guide's own language decides an ambiguous word.
        if (folded && !sectionMap.has(folded)) sectionMap.set(folded, kind);
      }
    }
  }
  // Accents are optional in the pattern: `Etape` and `Étape` both match, like section words.
  const alternatives = [...new Set(stepWords.map((w) => foldKeyword(w)).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'));
  const stepPattern = new RegExp(
    `^(${alternatives.join('|') || '(?!)'})\\s*(\\d{1,6})(?:\\s*(bis|ter|quater)(?![\\p{L}\\d])|([a-z])(?![\\p{L}\\d]))?\\s*(?:[:.)\\-–—]+\\s*)?`,
    'iu',
  );
  const matcher: KeywordMatcher = {
    stepPattern,
    sectionKind: (headingText) => sectionMap.get(foldKeyword(headingText)),
  };
  perLocale.set(lang, matcher);
  return matcher;
}

/** What a step heading says, once matched. */
export interface StepHeading {
  number: number;
  /** Normalised in-between marker: `bis`/`b` → `b`, `ter`/`c` → `c`, `quater`/`d` → `d`. */
  variant?: string;
  /** The number as written: `4 bis`, `4b`. */
  label: string;
  /** `step-4`, `step-4b`. */
  id: string;
  /** The rest of the heading (plain text, trimmed). */
  title: string;
}

/**
 * Drop accents from precomposed letters without changing the string's length (`Étape` →
 * `Etape`); characters whose base form is longer are kept as they are.
 */
function foldSameLength(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFD');
    out += base.length > 1 && /^\p{M}+$/u.test(base.slice(1)) && base.charCodeAt(0) < 0x80 ? base.charAt(0) : ch;
  }
  return out;
}

const WORD_VARIANTS: Record<string, string> = { bis: 'b', ter: 'c', quater: 'd' };

/**
 * Read a step heading from a heading's plain text.
 *
 * @param text Plain text of the heading.
 * @param matcher The locale's matcher.
 * @returns The step parts, or undefined when the heading is not a step heading.
 */
export function matchStepHeading(text: string, matcher: KeywordMatcher): StepHeading | undefined {
  // Match on an accent-folded copy of the same length, so the match length is also the offset
  // of the title in the original text.
  const folded = foldSameLength(text);
  const m = matcher.stepPattern.exec(folded);
  if (!m) return undefined;
  const number = Number(m[2]);
  const wordVariant = m[3]?.toLowerCase();
  const letter = m[4]?.toLowerCase();
  const variant = wordVariant ? WORD_VARIANTS[wordVariant] : letter;
  const label = wordVariant ? `${m[2]} ${wordVariant}` : `${m[2]}${letter ?? ''}`;
  const title = text.slice(m[0].length).trim();
  const step: StepHeading = { number, label, id: `step-${number}${variant ?? ''}`, title };
  if (variant) step.variant = variant;
  return step;
}
