import { defineRule } from '../rule.js';
import { quote } from '../compare.js';
import { factsOf } from '../facts.js';
import { unitsOf } from '../align.js';
import type { Position } from '@guidekit/model';

/**
 * Whether normalised prose is enough to judge: two words or more, one of which is an ordinary
 * lower-case word (so product names such as `Microsoft Teams` or headings that are the same
 * word in both languages, such as `Introduction`, are not alarms).
 */
function judgeable(prose: string): boolean {
  const words = prose.split(' ').filter((word) => /\p{L}/u.test(word));
  if (words.length < 2) return false;
  return words.some((word) => word.length >= 3 && /^\p{Ll}/u.test(word));
}

/** A paragraph of the translation is the source's paragraph, untranslated. */
export const untranslated = defineRule({
  id: 'i18n/untranslated',
  meta: {
    description: 'No paragraph, heading or list item of the translation is a copy of the source’s prose.',
    defaultSeverity: 'warning',
    category: 'content',
    docs: 'Prose is what remains of a paragraph once code, URLs, UI labels, emphasised product names and HTML are removed; it is compared case- and punctuation-insensitively with every prose block of the source (a pasted paragraph may land in another step). Blocks of a single word, or made only of capitalised names, are not judged. Off when both sides share a language.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\nCliquez sur le bouton *<u>Save</u>* pour enregistrer.', translation: '##### Step 1: A\nClick the *<u>Save</u>* button to save.' }],
      notOk: [{ source: '##### Étape 1 : A\nCliquez sur le bouton *<u>Save</u>* pour enregistrer.', translation: '##### Step 1: A\nCliquez sur le bouton *<u>Save</u>* pour enregistrer.' }],
    },
  },
  check(context) {
    const language = (locale: string) => locale.toLowerCase().split(/[-_]/)[0];
    if (language(context.source.guide.locale) === language(context.translation.guide.locale)) return;
    const sourceProse = new Map<string, Position | undefined>();
    for (const unit of unitsOf(context.source.guide)) {
      for (const block of factsOf(unit).prose) if (!sourceProse.has(block.prose)) sourceProse.set(block.prose, block.position);
    }
    for (const pair of context.alignment.units) {
      if (!pair.translation) continue;
      for (const block of factsOf(pair.translation).prose) {
        if (!judgeable(block.prose) || !sourceProse.has(block.prose)) continue;
        context.report({
          at: block.position,
          related: sourceProse.get(block.prose),
          message: `Unexpected untranslated text ${quote(block.prose, 50)}, expected a translation of the source's text`,
          data: { text: block.prose },
        });
      }
    }
  },
});
