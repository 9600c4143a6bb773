import { createRequire } from 'node:module';

type Detect = typeof import('tinyld').detect;
let tinyld: { detect: Detect } | undefined;
/**
 * tinyld's `detect`, loaded on its first use (its CommonJS build, so the rules stay synchronous):
 * its language profiles cost ~150 ms of CPU to load, which `status`, `stamp` and the publisher's
 * translation state — everything that imports this package but identifies no language — skip.
 */
function detect(...args: Parameters<Detect>): ReturnType<Detect> {
  tinyld ??= createRequire(import.meta.url)('tinyld') as { detect: Detect };
  return tinyld.detect(...args);
}
/**
 * Tiny per-language hints: function words, letters and small number words. They let rules tell
 * a pasted French sentence from a product name or a UI field list that is the same in both
 * languages, and accept `two` for `2`.
 */
interface LanguageHints {
  words: ReadonlySet<string>;
  letters: RegExp | undefined;
  /** Number words 0-12 (and the like) → value. */
  numbers: Readonly<Record<string, number>>;
}

const hints: Record<string, LanguageHints> = {
  fr: {
    words: new Set(
      'le la les des du un une et est sont pour dans sur avec vous votre vos nous notre nos pas que qui cette ces cet au aux ou mais puis ensuite cliquez sélectionnez il elle ils elles sera être avoir peut'.split(
        ' ',
      ),
    ),
    letters: /[éèêëàâçùûüîïôœ]/i,
    numbers: {
      zéro: 0,
      un: 1,
      une: 1,
      deux: 2,
      trois: 3,
      quatre: 4,
      cinq: 5,
      six: 6,
      sept: 7,
      huit: 8,
      neuf: 9,
      dix: 10,
      onze: 11,
      douze: 12,
      premier: 1,
      première: 1,
      deuxième: 2,
      second: 2,
      seconde: 2,
      troisième: 3,
    },
  },
  en: {
    words: new Set(
      'the a an and is are for in on with you your we our not that which this these or but then click select it they will be have can of to'.split(' '),
    ),
    letters: undefined,
    numbers: {
      zero: 0,
      one: 1,
      two: 2,
      three: 3,
      four: 4,
      five: 5,
      six: 6,
      seven: 7,
      eight: 8,
      nine: 9,
      ten: 10,
      eleven: 11,
      twelve: 12,
      first: 1,
      second: 2,
      third: 3,
      both: 2,
      once: 1,
      twice: 2,
      single: 1,
      double: 2,
      triple: 3,
    },
  },
  es: {
    words: new Set('el la los las del un una y es son para en con usted su nosotros no que cual esta estos o pero luego haga de a tu tus se lo'.split(' ')),
    letters: /[ñáéíóú¿¡]/i,
    numbers: { cero: 0, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10 },
  },
  de: {
    words: new Set(
      'der die das den dem des ein eine und ist sind für mit sie ihr wir nicht dass welche diese oder aber dann klicken in im auf zu von du dein deine deinen wird werden'.split(
        ' ',
      ),
    ),
    letters: /[äöüß]/i,
    numbers: { null: 0, eins: 1, ein: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10 },
  },
  it: {
    words: new Set('il lo la gli le dei un una e è sono per con voi vostro noi non che quale questa questi o ma poi fare'.split(' ')),
    letters: /[àèéìòù]/i,
    numbers: { zero: 0, uno: 1, una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10 },
  },
  pt: {
    words: new Set('o a os as dos um uma e é são para em com você seu nós não que qual esta estes ou mas depois clique'.split(' ')),
    letters: /[ãõçáéíóúâêô]/i,
    numbers: { zero: 0, um: 1, uma: 1, dois: 2, duas: 2, três: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10 },
  },
  nl: {
    words: new Set('de het een en is zijn voor in op met u uw wij niet dat welke deze of maar dan klik'.split(' ')),
    letters: /[ëï]/i,
    numbers: { nul: 0, een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10 },
  },
};

function language(locale: string): string {
  return locale.toLowerCase().split(/[-_]/)[0]!;
}

/**
 * Whether `text` carries a mark of the source language that the target language lacks: one of
 * its function words, or one of its accented letters. `undefined` when the source language is
 * not known here (callers then fall back to a length threshold).
 *
 * @param text Prose as written (case kept).
 * @param sourceLocale The source's locale.
 * @param targetLocale The translation's locale.
 */
export function hasSourceLanguageMarks(text: string, sourceLocale: string, targetLocale: string): boolean | undefined {
  const source = hints[language(sourceLocale)];
  if (!source) return undefined;
  const target = hints[language(targetLocale)];
  const words = text.toLowerCase().split(/[^\p{L}']+/u);
  for (const word of words) {
    if (word && source.words.has(word) && !target?.words.has(word)) return true;
  }
  if (source.letters && source.letters.test(text) && !(target?.letters && target.letters.test(text))) return true;
  return false;
}

/**
 * Values of the number words in `text` (`two` → 2, `deux` → 2) in the given locales. Used only
 * to accept a spelled-out number for a digit, never to demand one: `one` and `un` are also
 * pronouns and articles.
 */
export function numberWords(text: string, locales: readonly string[]): Set<string> {
  const found = new Set<string>();
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  for (const locale of locales) {
    const table = hints[language(locale)]?.numbers;
    if (!table) continue;
    for (const word of words) {
      const value = table[word];
      if (value !== undefined) found.add(String(value));
    }
  }
  return found;
}

/**
 * Whether `text` reads as the source language rather than the target's, by a language
 * identification library (tinyld, see the README for why). Short strings are guesses, so
 * callers ask only of runs of several words.
 *
 * @param text A run of prose.
 * @param sourceLocale The source's locale.
 * @param targetLocale The translation's locale.
 */
export function readsAsSourceLanguage(text: string, sourceLocale: string, targetLocale: string): boolean {
  // A choice between the two languages at hand: far surer on a short run than a guess among 60.
  return detect(text, { only: [language(sourceLocale), language(targetLocale)] }) === language(sourceLocale);
}

/** Segments of a line of prose between punctuation, for finding a phrase left untranslated. */
const SEGMENT = /[:;()[\]{}–—,.!?«»"“”]|\s-\s/;

/**
 * The first phrase of `text` (between punctuation) that is still in the source language: four
 * words or more, one of them a function word of the source language that the target lacks, and
 * read as the source language by the identification library. `Teams Phone avec Calling Plan`
 * left in an English sentence is one; a product name or a shared word is not.
 *
 * @returns The phrase, or `undefined`.
 */
export function sourceLanguagePhrase(text: string, sourceLocale: string, targetLocale: string): string | undefined {
  const source = hints[language(sourceLocale)];
  if (!source) return undefined;
  const target = hints[language(targetLocale)];
  // Without hints of the target language a mixed sentence cannot be told from a copied one.
  if (!target) return undefined;
  for (const segment of text.split(SEGMENT)) {
    const words = segment.split(/[^\p{L}']+/u).filter(Boolean);
    if (words.length < 4) continue;
    const lower = words.map((word) => word.toLowerCase());
    // A run with a function word or a letter of the target language is the target's prose.
    if (lower.some((word) => target.words.has(word)) || target.letters?.test(segment)) continue;
    const marked = lower.some((word) => source.words.has(word));
    if (marked && readsAsSourceLanguage(segment, sourceLocale, targetLocale)) return segment.trim();
  }
  return undefined;
}
