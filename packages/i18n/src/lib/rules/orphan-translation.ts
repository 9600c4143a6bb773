import { defineRule } from '../rule.js';

/** A translation whose source guide does not exist. */
export const orphanTranslation = defineRule({
  id: 'i18n/orphan-translation',
  scope: 'group',
  meta: {
    description: 'Every translation has a source guide with the same slug.',
    defaultSeverity: 'error',
    category: 'coverage',
    docs: 'A translation pairs with its source by slug (file name stem, or `translationKey`). With no source, the source was renamed or deleted, or the translation’s name is wrong.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\nTexte.', translation: '##### Step 1: A\nText.' }],
      notOk: [{ translation: '##### Step 1: A\nText.' }],
    },
  },
  check(context) {
    if (context.source || !context.translation) return;
    context.report({
      at: { line: 1, column: 1 },
      message: `Unexpected translation “${context.slug}” with no ${context.sourceLocale} source, expected a source guide with the same slug`,
      data: { slug: context.slug, locale: context.sourceLocale },
    });
  },
});
