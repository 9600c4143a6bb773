import { defineRule } from '../rule.js';
import { unitStart } from '../compare.js';

/** A source step has no step with the same number in the translation. */
export const missingStep = defineRule({
  id: 'i18n/missing-step',
  meta: {
    description: 'Every step of the source has a step with the same number in the translation.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Steps are aligned by id (`step-3`, `step-4b`), which comes from the number in the heading. A source step with no counterpart means the translation lost a step. The diagnostic sits where the step should be: on the next translated step, or at the end of the last one.',
    examples: {
      ok: [{ source: '##### Étape 1 : Ouvrir\nTexte.\n\n##### Étape 2 : Fermer\nTexte.', translation: '##### Step 1: Open\nText.\n\n##### Step 2: Close\nText.' }],
      notOk: [{ source: '##### Étape 1 : Ouvrir\nTexte.\n\n##### Étape 2 : Fermer\nTexte.', translation: '##### Step 1: Open\nText.' }],
    },
  },
  check(context) {
    const steps = context.alignment.steps;
    steps.forEach((pair, index) => {
      if (!pair.source || pair.translation) return;
      const next = steps.slice(index + 1).find((candidate) => candidate.translation)?.translation;
      const previous = steps.slice(0, index).reverse().find((candidate) => candidate.translation)?.translation;
      const at = next ? unitStart(next).start : previous ? unitStart(previous).end : undefined;
      const step = pair.source.step;
      context.report({
        at,
        related: unitStart(pair.source),
        message: `Missing step ${step?.label ?? pair.key}${step ? ` “${step.title}”` : ''}, expected it here as in the source`,
        data: { step: pair.key },
      });
    });
  },
});
