import { defineRule } from '../rule.js';
import { staleUnits } from '../staleness.js';
import { unitName, unitStart } from '../compare.js';

/** The source changed in a step since the translation was made. */
export const staleStep = defineRule({
  id: 'i18n/stale-step',
  meta: {
    description: 'No source step (or section, for articles) changed since the translation was made.',
    defaultSeverity: 'warning',
    category: 'staleness',
    docs: 'Compares the per-step hashes recorded by `guidekit-i18n stamp` (or, without a stamp, those of the source as it was at the translation’s last commit) with the source’s current hashes. Hashes are of normalised content, so re-wrapping or a change of emphasis style is not a change. `guidekit-i18n ack` accepts a change that needs no re-translation.',
    examples: {
      ok: [{ sourceThen: '##### Étape 1 : A\nTexte.', source: '##### Étape 1 : A\nTexte.', translation: '##### Step 1: A\nText.' }],
      notOk: [{ sourceThen: '##### Étape 1 : A\nTexte.', source: '##### Étape 1 : A\nAutre texte.', translation: '##### Step 1: A\nText.' }],
    },
  },
  check(context) {
    if (!context.baseline) return;
    for (const stale of staleUnits(context.source.guide, context.baseline)) {
      const pair = context.alignment.units.find((unit) => unit.source?.key === stale.key);
      const origin = context.baseline.origin === 'stamp' ? 'the stamp' : `commit ${context.baseline.commit?.slice(0, 7) ?? ''}`.trim();
      context.report({
        at: pair?.translation ? unitStart(pair.translation) : { line: 1, column: 1 },
        related: pair?.source ? unitStart(pair.source) : undefined,
        message: `Unexpected change in the source's ${pair?.source ? unitName(pair.source) : stale.key} since ${origin}, expected the translation to be updated (or the change acknowledged)`,
        data: { key: stale.key, reason: stale.reason },
      });
    }
  },
});
