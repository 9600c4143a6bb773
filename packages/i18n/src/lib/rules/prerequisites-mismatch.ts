import { defineRule } from '../rule.js';

/** The prerequisites are grouped or counted differently from the source's. */
export const prerequisitesMismatch = defineRule({
  id: 'i18n/prerequisites-mismatch',
  meta: {
    description: 'The translation lists as many prerequisite groups, with as many items each, as the source.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Prerequisite groups (`**<u>Licences nécessaires</u>**` followed by a list) are compared by rank: their labels are translated, but the number of groups and of items in each must match.',
    examples: {
      ok: [{ source: '##### Prérequis\n**<u>Licences</u>**\n- Une licence E3.\n- Un compte.', translation: '##### Prerequisites\n**<u>Licenses</u>**\n- An E3 license.\n- An account.' }],
      notOk: [{ source: '##### Prérequis\n**<u>Licences</u>**\n- Une licence E3.\n- Un compte.', translation: '##### Prerequisites\n**<u>Licenses</u>**\n- An E3 license.' }],
    },
  },
  check(context) {
    const expected = context.source.guide.prerequisites;
    const found = context.translation.guide.prerequisites;
    const fallback = context.translation.guide.sections.find((section) => section.kind === 'prerequisites')?.position;
    const sourceFallback = context.source.guide.sections.find((section) => section.kind === 'prerequisites')?.position;
    if (expected.length !== found.length) {
      context.report({
        at: found[expected.length]?.position ?? fallback,
        related: expected[found.length]?.position ?? sourceFallback,
        message: `Unexpected ${found.length} prerequisite group${found.length === 1 ? '' : 's'}, expected ${expected.length} as in the source`,
        data: { found: found.length, expected: expected.length },
      });
    }
    const count = Math.min(expected.length, found.length);
    for (let i = 0; i < count; i++) {
      const a = expected[i]!;
      const b = found[i]!;
      if (a.items.length === b.items.length) continue;
      const name = b.label ? `“${b.label}”` : `${i + 1}`;
      context.report({
        at: b.position ?? fallback,
        related: a.position ?? sourceFallback,
        message: `Unexpected ${b.items.length} item${b.items.length === 1 ? '' : 's'} in prerequisite group ${name}, expected ${a.items.length} as in the source`,
        data: { group: i, found: b.items.length, expected: a.items.length },
      });
    }
  },
});
