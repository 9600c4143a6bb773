import { defineRule } from '../rule.js';
import { unitName, unitStart } from '../compare.js';

/** A section comes at another place than in the source. */
export const sectionOrder = defineRule({
  id: 'i18n/section-order',
  meta: {
    description: 'Sections come in the same order as in the source.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'A section that the skeleton alignment could only pair across other sections (same skeleton, other place) was moved. It is reported once, at the moved section’s heading, and every section keeps its partner for the other rules.',
    examples: {
      ok: [
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: '## A\n\n```js\na();\n```\n\n## B\n\n- b\n- c\n',
          translation: '## Un\n\n```js\na();\n```\n\n## Deux\n\n- b\n- c\n',
        },
      ],
      notOk: [
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: '## A\n\n```js\na();\n```\n\n## B\n\n- b\n- c\n',
          translation: '## Deux\n\n- b\n- c\n\n## Un\n\n```js\na();\n```\n',
        },
      ],
    },
  },
  check(context) {
    for (const pair of context.alignment.sections) {
      if (!pair.moved || !pair.source || !pair.translation) continue;
      context.report({
        at: unitStart(pair.translation),
        related: unitStart(pair.source),
        message: `Unexpected ${unitName(pair.translation)} at this place, expected it where the source has ${unitName(pair.source)}`,
        data: { section: pair.key },
      });
    }
  },
});
