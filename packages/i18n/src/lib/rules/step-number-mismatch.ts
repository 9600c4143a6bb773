import { defineRule } from '../rule.js';
import { unitStart } from '../compare.js';

/** A translated step is numbered differently from the source step at the same rank. */
export const stepNumberMismatch = defineRule({
  id: 'i18n/step-number-mismatch',
  meta: {
    description: 'Each translated step carries the number of the source step it translates.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'When a translated step has no source step with its number, but the source step at the same rank has no translation either, the two are the same step numbered differently (`Step 3` for `Étape 4`, `Step 4` for `Étape 4 bis`).',
    examples: {
      ok: [{ source: '##### Étape 4 bis : Ouvrir\nTexte.', translation: '##### Step 4b: Open\nText.' }],
      notOk: [{ source: '##### Étape 1 : Ouvrir\nTexte.\n\n##### Étape 2 : Fermer\nTexte.', translation: '##### Step 1: Open\nText.\n\n##### Step 3: Close\nText.' }],
    },
  },
  check(context) {
    for (const pair of context.alignment.steps) {
      if (!pair.numberMismatch || !pair.source || !pair.translation) continue;
      const found = pair.translation.step?.label ?? pair.translation.key;
      const expected = pair.source.step?.label ?? pair.source.key;
      context.report({
        at: unitStart(pair.translation),
        related: unitStart(pair.source),
        message: `Unexpected step number ${found}, expected ${expected} as in the source`,
        data: { found, expected },
      });
    }
  },
});
