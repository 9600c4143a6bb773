import { defineRule } from '../rule.js';
import { diffLists, quote } from '../compare.js';
import { normaliseUrl } from '../links.js';

/** The sources section links elsewhere than the source's. */
export const sourcesMismatch = defineRule({
  id: 'i18n/sources-mismatch',
  meta: {
    description: 'The sources section lists the same URLs as the source, locale segments aside.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'The URL sets of the two `Sources` sections are compared after the same normalisation as `i18n/link-mismatch` (locale path segments, language parameters, fragments).',
    examples: {
      ok: [{ source: '##### Sources\n- [Doc](https://learn.microsoft.com/fr-fr/a)', translation: '##### Sources\n- [Docs](https://learn.microsoft.com/en-us/a)' }],
      notOk: [{ source: '##### Sources\n- [Doc](https://learn.microsoft.com/fr-fr/a)', translation: '##### Sources\n- [Docs](https://learn.microsoft.com/en-us/b)' }],
    },
  },
  check(context) {
    const options = { locales: [context.source.guide.locale, context.translation.guide.locale], patterns: context.options.linkLocalePatterns };
    const key = (link: { url: string }) => normaliseUrl(link.url, options);
    const diff = diffLists(context.source.guide.sources, context.translation.guide.sources, key);
    const section = context.translation.guide.sections.find((s) => s.kind === 'sources')?.position;
    const sourceSection = context.source.guide.sections.find((s) => s.kind === 'sources')?.position;
    for (const [found, expected] of diff.changed) {
      context.report({ at: found.position ?? section, related: expected.position ?? sourceSection, message: `Unexpected source ${quote(found.url)}, expected ${quote(expected.url)} as in the source`, data: { found: found.url, expected: expected.url } });
    }
    for (const found of diff.extra) {
      context.report({ at: found.position ?? section, related: sourceSection, message: `Unexpected source ${quote(found.url)}, expected only the source's sources`, data: { found: found.url } });
    }
    for (const expected of diff.missing) {
      context.report({ at: section ?? context.translation.guide.sections.at(-1)?.position, related: expected.position ?? sourceSection, message: `Missing source ${quote(expected.url)}, expected it as in the source`, data: { expected: expected.url } });
    }
  },
});
