import { defineRule } from '../rule.js';
import { unitName, unitStart } from '../compare.js';
import type { AlignedUnit } from '../types.js';

/** Where a missing unit should be: the next paired translation unit, else the end of the previous one. */
export function whereMissing(units: readonly AlignedUnit[], index: number) {
  const next = units.slice(index + 1).find((candidate) => candidate.source && candidate.translation)?.translation;
  if (next) return unitStart(next).start;
  const previous = units
    .slice(0, index)
    .reverse()
    .find((candidate) => candidate.source && candidate.translation)?.translation;
  return previous ? unitStart(previous).end : undefined;
}

/** A source section has no counterpart in the translation. */
export const missingSection = defineRule({
  id: 'i18n/missing-section',
  meta: {
    description: 'Every section of the source has a section in the translation.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Sections (everything under a heading) are aligned on their skeleton — sub-headings, code blocks, lists, tables, images, MDX components, directives — with a sequence alignment, so a section the translation dropped is one diagnostic, placed where it should be (on the next aligned section), and every other section stays paired.',
    examples: {
      ok: [
        {
          source: '##### Introduction\nTexte.\n\n##### Résultat\n```sh\nls\n```',
          translation: '##### Introduction\nText.\n\n##### Result\n```sh\nls\n```',
        },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          format: 'mdx',
          source: '## Setup\n\n```js\nrun();\n```\n\n## Usage\n\n<Tabs>\n<TabItem label="One">Text</TabItem>\n</Tabs>\n',
          translation: '## Installation\n\n```js\nrun();\n```\n\n## Utilisation\n\n<Tabs>\n<TabItem label="Un">Texte</TabItem>\n</Tabs>\n',
        },
      ],
      notOk: [
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          source: '## Setup\n\n```js\nrun();\n```\n\n## Usage\n\n- one\n- two\n\n## Reference\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
          translation: '## Installation\n\n```js\nrun();\n```\n\n## Référence\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
        },
      ],
    },
  },
  check(context) {
    const units = context.alignment.sections;
    units.forEach((pair, index) => {
      if (!pair.source || pair.translation) return;
      context.report({
        at: whereMissing(units, index),
        related: unitStart(pair.source),
        message: `Missing ${unitName(pair.source)}, expected it here as in the source`,
        data: { section: pair.key },
      });
    });
  },
});
