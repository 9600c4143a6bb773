import { defineRule } from '../rule.js';
import { diffLists, paired, quote, unitName, unitStart } from '../compare.js';
import { factsOf } from '../facts.js';
import type { UnitRef } from '../types.js';
import { normaliseUrl, sameLocalisedSite } from '../links.js';

/** The translation's prose block at the rank the source's link had: where a dropped link was. */
function blockAt(unit: UnitRef, rank: number | undefined) {
  return rank === undefined ? undefined : factsOf(unit).prose[rank]?.position;
}

/** A step or section links to other URLs than the source's. */
export const linkMismatch = defineRule({
  id: 'i18n/link-mismatch',
  meta: {
    description: 'Each step and section links to the same URLs as in the source, locale segments aside.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Link URLs are compared per aligned step or section after dropping what only names a language: path segments such as `/fr-ca/` or `/en/`, language sub-domains, `?lang=` / `hl=` parameters, fragments, plus the patterns in `i18n.linkLocalePatterns`. The sources section is left to `i18n/sources-mismatch`.',
    examples: {
      ok: [
        { source: '##### Étape 1 : A\nVoir [la doc](https://learn.microsoft.com/fr-ca/teams/x).', translation: '##### Step 1: A\nSee [the docs](https://learn.microsoft.com/en-us/teams/x).' },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          format: 'mdx',
          source: '## Links\n\nRead [start](/guides/start/), [slots](#slots), [MDN](https://developer.mozilla.org/en-US/docs/Web/HTML) and [Wikipedia](https://en.wikipedia.org/wiki/Lighthouse).\n\n## Slots\n\nText.',
          translation: '## Liens\n\nLisez [début](/fr/guides/start/), [emplacements](#les-emplacements), [MDN](https://developer.mozilla.org/fr/docs/Web/HTML) et [Wikipédia](https://fr.wikipedia.org/wiki/Phare).\n\n## Les emplacements\n\nTexte.',
        },
      ],
      notOk: [{ source: '##### Étape 1 : A\nVoir [la doc](https://learn.microsoft.com/fr-ca/teams/x).', translation: '##### Step 1: A\nSee [the docs](https://learn.microsoft.com/en-us/teams/y).' }],
    },
  },
  check(context) {
    const options = {
      locales: [context.source.guide.locale, context.translation.guide.locale],
      patterns: context.options.linkLocalePatterns,
    };
    const key = (link: { value: string }) => normaliseUrl(link.value, options);
    for (const { source, translation } of paired(context.alignment.units)) {
      if (source.section.kind === 'sources') continue;
      const diff = diffLists(factsOf(source).links, factsOf(translation).links, key);
      const where = unitName(translation);
      for (const [found, expected] of diff.changed) {
        if (sameLocalisedSite(found.value, expected.value, options.locales)) continue;
        context.report({ at: found.position, related: expected.position, message: `Unexpected link ${quote(found.value)} in ${where}, expected ${quote(expected.value)} as in the source`, data: { found: found.value, expected: expected.value } });
      }
      for (const found of diff.extra) {
        context.report({ at: found.position, related: unitStart(source), message: `Unexpected link ${quote(found.value)} in ${where}, expected no such link as in the source`, data: { found: found.value } });
      }
      for (const expected of diff.missing) {
        context.report({ at: blockAt(translation, expected.block) ?? unitStart(translation), related: expected.position, message: `Missing link ${quote(expected.value)} in ${where}, expected it as in the source`, data: { expected: expected.value } });
      }
    }
  },
});
