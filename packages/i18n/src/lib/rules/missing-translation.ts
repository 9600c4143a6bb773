import { defineRule } from '../rule.js';

/** A source guide has no translation in the target locale. */
export const missingTranslation = defineRule({
  id: 'i18n/missing-translation',
  scope: 'group',
  meta: {
    description: 'Every source guide has a translation in each target locale.',
    defaultSeverity: 'warning',
    category: 'coverage',
    docs: 'Reported on the source file (there is no translation to point at), once per missing target locale.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\nTexte.', translation: '##### Step 1: A\nText.' }],
      notOk: [{ source: '##### Étape 1 : A\nTexte.' }],
    },
  },
  check(context) {
    if (!context.source || context.translation) return;
    context.report({
      at: { line: 1, column: 1 },
      message: `Missing ${context.targetLocale} translation of “${context.source.guide.title || context.slug}”, expected one next to the source`,
      data: { slug: context.slug, locale: context.targetLocale },
    });
  },
});
