import { defineRule } from '../rule.js';
import { unitStart } from '../compare.js';

/** Translated steps appear in a different order from the source's. */
export const stepOrder = defineRule({
  id: 'i18n/step-order',
  meta: {
    description: 'Steps come in the same order as in the source.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Paired steps are walked in translation order; a step that comes after a step the source places later is out of order.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 2 : B\nTexte.', translation: '##### Step 1: A\nText.\n\n##### Step 2: B\nText.' }],
      notOk: [{ source: '##### Étape 1 : A\nTexte.\n\n##### Étape 2 : B\nTexte.', translation: '##### Step 2: B\nText.\n\n##### Step 1: A\nText.' }],
    },
  },
  check(context) {
    const pairs = context.alignment.steps.filter((pair) => pair.source && pair.translation);
    pairs.sort((a, b) => a.translation!.index - b.translation!.index);
    let latest: (typeof pairs)[number] | undefined;
    for (const pair of pairs) {
      if (latest && pair.source!.index < latest.source!.index) {
        context.report({
          at: unitStart(pair.translation!),
          related: unitStart(pair.source!),
          message: `Unexpected step ${pair.translation!.step?.label ?? pair.key} after step ${latest.translation!.step?.label ?? latest.key}, expected it before as in the source`,
          data: { step: pair.key, after: latest.key },
        });
      } else latest = pair;
    }
  },
});
