import { defineRule } from '../rule.js';
import { paired, unitName, unitStart } from '../compare.js';
import { factsOf, placeIn } from '../facts.js';
import { extractNumbers } from '../numbers.js';
import { numberWords } from '../language.js';
import type { Place } from '../types.js';
import type { UnitRef } from '../types.js';

interface Found {
  key: string;
  keys: string[];
  raw: string;
  place: Place | undefined;
}

function numbersOf(unit: UnitRef): Found[] {
  const out: Found[] = [];
  for (const run of factsOf(unit).text) {
    // URLs written as plain text are addresses, not quantities.
    const value = run.value.replace(/\b(?:https?:\/\/|www\.)\S+/g, (url) => ' '.repeat(url.length));
    for (const token of extractNumbers(value)) out.push({ key: token.key, keys: token.keys, raw: token.raw, place: placeIn(run, token.index) });
  }
  return out;
}

/**
 * When both sides hold as many numbers and `missing` is one of the source's, the translation's
 * number at its position, if that one differs (a `2` written as another number already there).
 */
function replacedAt(expected: Found[], found: Found[], missing: Found): Found | undefined {
  if (expected.length !== found.length) return undefined;
  const i = expected.indexOf(missing);
  const at = found[i];
  return at && !at.keys.some((k) => missing.keys.includes(k)) ? at : undefined;
}

/** The numbers in a step's prose differ from the source's. */
export const numberMismatch = defineRule({
  id: 'i18n/number-mismatch',
  meta: {
    description: 'Numbers in each step and section’s prose are the source’s numbers.',
    defaultSeverity: 'error',
    category: 'content',
    docs: 'Numbers are read from prose (not code or URLs) and normalised: `1 000`, `1,000` and `1.000` agree, `2,5 %` and `2.5%` agree, `1er` and `1st` agree, versions such as `10.0.19045` stay whole, times agree across clocks (`22 h 00` = `10:00 PM`), and identifiers such as `M365` are not numbers. A number of the translation that the source’s unit does not have is reported, paired with the source number it probably replaced.',
    examples: {
      ok: [
        { source: '##### Étape 1 : A\nAttendez 8 heures, soit 1 000 secondes à 2,5 %.', translation: '##### Step 1: A\nWait 8 hours, that is 1,000 seconds at 2.5%.' },
        { source: '##### Étape 1 : A\nRéglez l’heure sur 22 h 00 pour deux postes.', translation: '##### Step 1: A\nSet the time to 10:00 PM for 2 computers.' },
        { sourceLocale: 'en', targetLocale: 'fr', source: '## Runtime\n\nIt runs on version 4, with `retries: 3` and [page 7](https://example.org/v/7).', translation: '## Moteur\n\nIl fonctionne avec la v4, avec `retries: 3` et la [page 7](https://example.org/v/7).' },
        { sourceLocale: 'en', targetLocale: 'de', source: '## Size\n\nIt holds 1,000 lamps.', translation: '## Größe\n\nEs fasst 1.000 Lampen.' },
      ],
      notOk: [{ source: '##### Étape 1 : A\nAttendez 8 heures.', translation: '##### Step 1: A\nWait 24 hours.' }],
    },
  },
  check(context) {
    for (const { source, translation } of paired(context.alignment.units)) {
      const expected = numbersOf(source);
      const found = numbersOf(translation);
      const expectedKeys = new Set(expected.flatMap((n) => n.keys));
      const foundKeys = new Set(found.flatMap((n) => n.keys));
      const agreeByDigits = found.every((n) => n.keys.some((k) => expectedKeys.has(k))) && expected.every((n) => n.keys.some((k) => foundKeys.has(k)));
      if (agreeByDigits) continue;
      const words = (unit: UnitRef, locales: string[]) => numberWords(factsOf(unit).text.map((run) => run.value).join(' '), locales);
      // A spelled-out number (`two`, `deux`) may stand for a digit of the other side.
      const locales = [context.source.guide.locale, context.translation.guide.locale];
      const foundWords = words(translation, locales);
      const expectedWords = words(source, locales);
      const agrees = (n: Found, keys: Set<string>, words: Set<string>) => n.keys.some((k) => keys.has(k) || words.has(k));
      const unexpected = found.filter((n, i) => !agrees(n, expectedKeys, expectedWords) && found.findIndex((m) => m.key === n.key) === i);
      const missing = expected.filter((n, i) => !agrees(n, foundKeys, foundWords) && expected.findIndex((m) => m.key === n.key) === i);
      const where = unitName(translation);
      const unpaired = unexpected.slice(missing.length);
      if (unpaired.length >= 3) {
        // Many numbers the source's unit does not have are one cause (a table or paragraph the
        // source rewrote or dropped): one report, at the first, with the count.
        const [first] = unpaired;
        const listed = unpaired.slice(0, 4).map((n) => n.raw).join(', ');
        context.report({
          at: first!.place ?? unitStart(translation),
          related: unitStart(source),
          message: `Unexpected numbers ${listed}${unpaired.length > 4 ? ', …' : ''} in ${where} (${unpaired.length} numbers the source's section does not have), expected only the source's numbers`,
          data: { found: unpaired.map((n) => n.key) },
        });
        unexpected.splice(missing.length);
      }
      unexpected.forEach((n, i) => {
        const instead = missing[i];
        context.report({
          at: n.place ?? unitStart(translation),
          related: instead?.place ?? unitStart(source),
          message: instead
            ? `Unexpected number ${n.raw} in ${where}, expected ${instead.raw} as in the source`
            : `Unexpected number ${n.raw} in ${where}, expected only the source's numbers`,
          data: { found: n.key, ...(instead ? { expected: instead.key } : {}) },
        });
      });
      for (const n of missing.slice(unexpected.length)) {
        // Same count of numbers: the one that now repeats another sits where the source's was.
        const at = replacedAt(expected, found, n);
        if (at) {
          context.report({ at: at.place ?? unitStart(translation), related: n.place ?? unitStart(source), message: `Unexpected number ${at.raw} in ${where}, expected ${n.raw} as in the source`, data: { found: at.key, expected: n.key } });
          continue;
        }
        context.report({ at: unitStart(translation), related: n.place ?? unitStart(source), message: `Missing number ${n.raw} in ${where}, expected it as in the source`, data: { expected: n.key } });
      }
    }
  },
});
