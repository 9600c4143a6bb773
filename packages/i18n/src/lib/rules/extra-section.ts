import { defineRule } from '../rule.js';
import { unitName, unitStart } from '../compare.js';

/** The translation has a section the source does not have. */
export const extraSection = defineRule({
  id: 'i18n/extra-section',
  meta: {
    description: 'The translation has no section that the source lacks.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'A translated section that the skeleton alignment pairs with no source section was added by the translation (or kept from an older source). It is reported once, at its heading; the sections around it stay paired.',
    examples: {
      ok: [
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: '## Setup\n\nText.\n\n## Usage\n\n- one\n',
          translation: '## Installation\n\nTexte.\n\n## Utilisation\n\n- un\n',
        },
      ],
      notOk: [
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: '## Setup\n\n```js\nrun();\n```\n\n## Usage\n\n- one\n',
          translation: '## Installation\n\n```js\nrun();\n```\n\n## Notes\n\n:::tip\nAstuce.\n:::\n\n```sh\nnpm ci\n```\n\n## Utilisation\n\n- un\n',
        },
      ],
    },
  },
  check(context) {
    for (const pair of context.alignment.sections) {
      if (pair.source || !pair.translation) continue;
      context.report({
        at: unitStart(pair.translation),
        message: `Unexpected ${unitName(pair.translation)}, expected only the source's sections`,
        data: { section: pair.key },
      });
    }
  },
});
