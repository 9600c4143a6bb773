import { defineRule } from '../rule.js';
import { paired, unitName } from '../compare.js';
import { factsOf, placeIn, SPACED_LINK } from '../facts.js';
import { offsetAt } from '../text.js';
import type { GuideDoc, Place, UnitRef } from '../types.js';

interface Defect {
  kind: 'spaced-link' | 'stray-asterisk' | 'misnested-label' | 'unclosed-u' | 'unopened-u';
  place: Place | undefined;
  text: string;
}

const WELL_FORMED_LABEL = /^(?:\*<u>[^]*<\/u>\*|<u>\*[^]*\*<\/u>|_<u>[^]*<\/u>_)$/i;
const OPEN_U = /<u(?:\s[^>]*)?>/gi;
const CLOSE_U = /<\/u\s*>/gi;

function defectsOf(unit: UnitRef, doc: GuideDoc): Defect[] {
  const facts = factsOf(unit);
  const defects: Defect[] = [];
  for (const run of facts.text) {
    SPACED_LINK.lastIndex = 0;
    for (let match = SPACED_LINK.exec(run.value); match; match = SPACED_LINK.exec(run.value)) {
      defects.push({ kind: 'spaced-link', place: placeIn(run, match.index), text: match[0] });
    }
    for (let i = run.value.indexOf('*'); i !== -1; i = run.value.indexOf('*', i + 1)) {
      const place = placeIn(run, i);
      // A `\*` in the file is an escaped, intended asterisk; only bare ones are leftovers of
      // emphasis that did not parse.
      if (doc.text !== undefined && place) {
        const offset = offsetAt(doc, place);
        if (offset !== undefined && doc.text[offset] === '*' && doc.text[offset - 1] === '\\') continue;
        if (offset !== undefined && doc.text[offset] !== '*') continue;
      }
      defects.push({ kind: 'stray-asterisk', place, text: '*' });
      if (run.value[i + 1] === '*') i += 1;
    }
  }
  // The parser reads mis-nested labels (`*<u>x*</u>`, `<u>*x</u>*`) as labels to keep their
  // text, but they render wrongly: the file's own text tells well-formed ones apart.
  if (doc.text !== undefined) {
    for (const label of facts.uiLabels) {
      const start = label.position?.start;
      const end = label.position?.end;
      if (!start || !end) continue;
      const from = offsetAt(doc, start);
      const to = offsetAt(doc, end);
      if (from === undefined || to === undefined) continue;
      const raw = doc.text.slice(from, to);
      if (!WELL_FORMED_LABEL.test(raw)) defects.push({ kind: 'misnested-label', place: start, text: raw });
    }
  }
  let depth = 0;
  const opened: Defect[] = [];
  for (const html of facts.html) {
    const tags = [...html.value.matchAll(new RegExp(`${OPEN_U.source}|${CLOSE_U.source}`, 'gi'))];
    for (const tag of tags) {
      const place = html.position?.start;
      if (tag[0].startsWith('</')) {
        if (depth > 0) {
          depth -= 1;
          opened.pop();
        } else defects.push({ kind: 'unopened-u', place, text: tag[0] });
      } else {
        depth += 1;
        opened.push({ kind: 'unclosed-u', place, text: tag[0] });
      }
    }
  }
  defects.push(...opened);
  return defects;
}

const describe: Record<Defect['kind'], [found: string, expected: string]> = {
  'spaced-link': ['link text and URL separated by a space', '`[text](url)`'],
  'stray-asterisk': ['unmatched `*`', 'balanced emphasis such as `*text*` or `*<u>Label</u>*`'],
  'misnested-label': ['mis-nested UI label', '`*<u>Label</u>*`'],
  'unclosed-u': ['`<u>` without `</u>`', 'a closing `</u>`'],
  'unopened-u': ['`</u>` without `<u>`', 'an opening `<u>`'],
};

/** Markdown syntax mangled in the translation (and not already so in the source). */
export const brokenMarkdown = defineRule({
  id: 'i18n/broken-markdown',
  meta: {
    description: 'The translation’s links, emphasis and `<u>` tags are well formed where the source’s are.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Looks for `[text] (url)` (a space breaks the link), asterisks left over from emphasis that did not parse (`**Label **`, `*<u>Label*</u>`), and `<u>` tags without their partner. Escaped asterisks (`\\*`) are fine. A defect counts only when the aligned source unit has fewer defects of that kind: translations are not blamed for what they copied.',
    examples: {
      ok: [
        { source: '##### Étape 1 : A\nVoir [ici](https://example.com) et *<u>Save</u>*.', translation: '##### Step 1: A\nSee [here](https://example.com) and *<u>Save</u>*.' },
        { source: '##### Étape 1 : A\nBloquez \\*.zoom.us et *cassé.', translation: '##### Step 1: A\nBlock \\*.zoom.us and *broken.' },
      ],
      notOk: [
        { source: '##### Étape 1 : A\nVoir [ici](https://example.com).', translation: '##### Step 1: A\nSee [here] (https://example.com).' },
        { source: '##### Étape 1 : A\nCliquez sur *<u>Save</u>*.', translation: '##### Step 1: A\nClick *<u>Save*</u>.' },
        { source: '##### Étape 1 : A\nCliquez sur *<u>Save</u>*.', translation: '##### Step 1: A\nClick <u>Save.' },
      ],
    },
  },
  check(context) {
    for (const { source, translation } of paired(context.alignment.units)) {
      const found = defectsOf(translation, context.translation);
      if (found.length === 0) continue;
      const expected = defectsOf(source, context.source);
      const where = unitName(translation);
      for (const kind of Object.keys(describe) as Defect['kind'][]) {
        const mine = found.filter((defect) => defect.kind === kind);
        const theirs = expected.filter((defect) => defect.kind === kind);
        if (mine.length <= theirs.length) continue;
        // Report the first defect beyond the source's count: fixing it is the next step.
        const defect = mine[theirs.length]!;
        const [what, wanted] = describe[kind];
        context.report({ at: defect.place, related: theirs[0]?.place ?? source.section.position.start, message: `Unexpected ${what} in ${where}, expected ${wanted}`, data: { kind, count: mine.length, sourceCount: theirs.length } });
      }
    }
  },
});
