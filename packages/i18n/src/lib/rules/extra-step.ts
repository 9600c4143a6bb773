import { defineRule } from '../rule.js';
import { unitStart } from '../compare.js';

/** The translation has a step the source does not have. */
export const extraStep = defineRule({
  id: 'i18n/extra-step',
  meta: {
    description: 'The translation has no step that the source lacks.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'A translated step whose id matches no source step (and that could not be paired by rank as a renumbered step) is extra: the translation added a step, or repeated a number.',
    examples: {
      ok: [{ source: '##### Étape 1 : Ouvrir\nTexte.', translation: '##### Step 1: Open\nText.' }],
      notOk: [{ source: '##### Étape 1 : Ouvrir\nTexte.', translation: '##### Step 1: Open\nText.\n\n##### Step 2: Close\nText.' }],
    },
  },
  check(context) {
    const count = context.source.guide.steps.length;
    for (const pair of context.alignment.steps) {
      if (pair.source || !pair.translation) continue;
      const step = pair.translation.step;
      const related = context.source.guide.steps.at(-1)?.position;
      context.report({
        at: unitStart(pair.translation),
        related,
        message: `Unexpected step ${step?.label ?? pair.key}${step ? ` “${step.title}”` : ''}, expected only the source's ${count} step${count === 1 ? '' : 's'}`,
        data: { step: pair.key },
      });
    }
  },
});
