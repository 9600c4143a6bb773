import { defineRule } from '../rule.js';
import { diffLists, paired, quote, unitName, unitStart } from '../compare.js';
import { factsOf } from '../facts.js';
import type { UnitRef } from '../types.js';
import { normaliseUrl, sameLocalisedPage, sameLocalisedSite } from '../links.js';
import type { Located } from '../facts.js';
import type { PairContext, RuleReport } from '../types.js';
import type { Position } from '@guidekit/model';
import { anchorsOf, fragmentOf, type AnchorMap } from '../anchors.js';

type Link = Located<string>;

/** One or two differences of a kind are reported apart; three or more in a section are one cause (a page rewritten since), reported once with their count. */
function grouped<T>(context: PairContext, items: readonly T[], make: (items: readonly T[]) => RuleReport): void {
  if (items.length === 0) return;
  if (items.length < 3) for (const item of items) context.report(make([item]));
  else context.report(make(items));
}

/** The translation's prose block at the rank the source's link had: where a dropped link was. */
function blockAt(unit: UnitRef, rank: number | undefined) {
  return rank === undefined ? undefined : factsOf(unit).prose[rank]?.position;
}

/**
 * Fragment-only links (`#slots`) resolved through the alignment: the translation's k-th one
 * must point at the heading aligned with the one the source's k-th one points at; one with no
 * counterpart must point at a heading of the translation.
 */
function checkAnchors(context: PairContext, anchors: AnchorMap, source: UnitRef, translation: UnitRef): void {
  const fragments = (unit: UnitRef) => factsOf(unit).links.flatMap((link) => (fragmentOf(link.value) === undefined ? [] : [link]));
  const expected = fragments(source);
  fragments(translation).forEach((link, k) => {
    const id = fragmentOf(link.value)!;
    const counterpart = expected[k];
    const from = counterpart ? fragmentOf(counterpart.value)! : undefined;
    const wanted = from === undefined ? undefined : anchors.aligned.get(from);
    // `#x` and `#x-1` name one heading text: a page whose other section repeats it numbers them otherwise.
    const base = (slug: string) => slug.replace(/-\d+$/, '');
    if (wanted !== undefined ? base(id) === base(wanted) : from !== undefined || anchors.translation.has(id)) return;
    const where = unitName(translation);
    context.report({
      at: link.position,
      related: counterpart?.position ?? unitStart(source),
      message:
        wanted !== undefined
          ? `Unexpected anchor ${quote(link.value)} in ${where}, expected ${quote(`#${wanted}`)}, the heading aligned with the source's ${quote(counterpart!.value)}`
          : `Unexpected anchor ${quote(link.value)} in ${where}, expected the id of one of this page's headings`,
      data: { found: link.value, ...(wanted !== undefined ? { expected: `#${wanted}` } : {}) },
    });
  });
}

/** A step or section links to other URLs than the source's. */
export const linkMismatch = defineRule({
  id: 'i18n/link-mismatch',
  meta: {
    description: 'Each step and section links to the same URLs as in the source, locale segments aside.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Link URLs are compared per aligned step or section after dropping what only names a language: path segments such as `/fr-ca/` or `/en/`, language sub-domains, `?lang=` / `hl=` parameters, fragments, plus the patterns in `i18n.linkLocalePatterns`; a page a localised site files elsewhere under the same name (MDN) is the same page. Anchors of the page itself (`#slots`) are resolved through the alignment: the translation’s must name the heading aligned with the one the source’s names (`#les-slots`). Three or more differences of one kind in a section, or links missing at one place, are reported once with their count. The sources section is left to `i18n/sources-mismatch`.',
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
      notOk: [
        { source: '##### Étape 1 : A\nVoir [la doc](https://learn.microsoft.com/fr-ca/teams/x).', translation: '##### Step 1: A\nSee [the docs](https://learn.microsoft.com/en-us/teams/y).' },
        {
          sourceLocale: 'en',
          targetLocale: 'fr',
          format: 'mdx',
          source: '## Links\n\nRead [slots](#slots) first.\n\n## Slots\n\nText.\n\n## Setup\n\nMore.',
          translation: '## Liens\n\nLisez d’abord [emplacements](#installation).\n\n## Les emplacements\n\nTexte.\n\n## Installation\n\nPlus.',
        },
      ],
    },
  },
  check(context) {
    const options = {
      locales: [context.source.guide.locale, context.translation.guide.locale],
      patterns: context.options.linkLocalePatterns,
    };
    const key = (link: { value: string }) => normaliseUrl(link.value, options);
    const anchors = anchorsOf(context.alignment);
    for (const { source, translation } of paired(context.alignment.units)) {
      if (source.section.kind === 'sources') continue;
      checkAnchors(context, anchors, source, translation);
      const diff = diffLists(factsOf(source).links, factsOf(translation).links, key);
      const where = unitName(translation);
      const changed = diff.changed.filter(([found, expected]) => !sameLocalisedSite(found.value, expected.value, options.locales) && !sameLocalisedPage(found.value, expected.value, options.locales));
      grouped(context, changed, (pairs) => {
        const [[found, expected]] = pairs as [[Link, Link]];
        const more = pairs.length > 1 ? ` (and ${pairs.length - 1} more links changed in this section: ${pairs.slice(1).map(([f]) => quote(f.value)).join(', ')})` : '';
        return { at: found.position, related: expected.position, message: `Unexpected link ${quote(found.value)} in ${where}, expected ${quote(expected.value)} as in the source${more}`, data: { found: found.value, expected: expected.value, links: pairs.length } };
      });
      grouped(context, diff.extra, (links) => {
        const [found] = links as [Link];
        const more = links.length > 1 ? ` (and ${links.length - 1} more links the source's section does not have: ${links.slice(1).map((l) => quote(l.value)).join(', ')})` : '';
        return { at: found.position, related: unitStart(source), message: `Unexpected link ${quote(found.value)} in ${where}, expected no such link as in the source${more}`, data: { found: found.value, links: links.length } };
      });
      // Links missing at one place (a sentence or paragraphs left out) are one report there.
      const byPlace = new Map<string, { at: Position; links: Link[] }>();
      for (const expected of diff.missing) {
        const at = blockAt(translation, expected.block) ?? unitStart(translation);
        const place = `${at.start.line}:${at.start.column}`;
        const entry = byPlace.get(place) ?? { at, links: [] };
        entry.links.push(expected);
        byPlace.set(place, entry);
      }
      for (const { at, links } of byPlace.values()) {
        const [expected] = links as [Link];
        const more = links.length > 1 ? ` (and ${links.length - 1} more links of the source missing here: ${links.slice(1).map((l) => quote(l.value)).join(', ')})` : '';
        context.report({ at, related: expected.position, message: `Missing link ${quote(expected.value)} in ${where}, expected it as in the source${more}`, data: { expected: expected.value, links: links.length } });
      }
    }
  },
});
