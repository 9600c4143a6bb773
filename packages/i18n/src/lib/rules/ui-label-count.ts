import { defineRule } from '../rule.js';
import { diffLists, paired, unitName, unitStart } from '../compare.js';
import { factsOf, placeIn } from '../facts.js';
import type { Place, UnitRef } from '../types.js';

/** UI labels per top-level block of a unit, with each block's start. */
function perBlock(unit: UnitRef): { count: number; start: Place | undefined }[] {
  const labels = factsOf(unit).uiLabels;
  return unit.section.blocks.map((block) => {
    const from = block.position?.start.offset;
    const to = block.position?.end.offset;
    const count = labels.filter((label) => {
      const at = label.position?.start.offset;
      return from !== undefined && to !== undefined && at !== undefined && at >= from && at < to;
    }).length;
    return { count, start: block.position?.start };
  });
}

/** A step or section marks a different number of UI labels than the source. */
export const uiLabelCount = defineRule({
  id: 'i18n/ui-label-count',
  meta: {
    description: 'Each step and section marks as many UI labels (`*<u>Label</u>*`) as the source.',
    defaultSeverity: 'warning',
    category: 'structure',
    docs: 'UI labels tell the reader what to click. Labels are often translated, so only their number is compared per aligned unit. When a label was left as plain text, the diagnostic points at that text; otherwise at the unit.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\nCliquez sur *<u>Save</u>*.', translation: '##### Step 1: A\nClick *<u>Save</u>*.' }],
      notOk: [{ source: '##### Étape 1 : A\nCliquez sur *<u>Save</u>* puis *<u>OK</u>*.', translation: '##### Step 1: A\nClick *<u>Save</u>* then OK.' }],
    },
  },
  check(context) {
    for (const { source, translation } of paired(context.alignment.units)) {
      const expected = factsOf(source).uiLabels;
      const found = factsOf(translation).uiLabels;
      if (expected.length === found.length) continue;
      const where = unitName(translation);
      let at = unitStart(translation).start as { line: number; column: number };
      let related = unitStart(source).start as { line: number; column: number };
      if (found.length < expected.length) {
        // Look for a label that lost its marks but kept its text: that is where the fix goes.
        const diff = diffLists(expected, found, (label) => label.value.toLowerCase());
        for (const lost of [...diff.missing, ...diff.changed.map(([, s]) => s)]) {
          const needle = lost.value.toLowerCase();
          const run = needle ? factsOf(translation).text.find((text) => text.value.toLowerCase().includes(needle)) : undefined;
          const place = run ? placeIn(run, run.value.toLowerCase().indexOf(needle)) : undefined;
          if (place) {
            at = place;
            if (lost.position) related = lost.position.start;
            break;
          }
        }
        if (at === unitStart(translation).start) {
          // Labels are translated, so the text cannot be found: compare block by block (the
          // paragraph structure of a translation follows its source's).
          const mine = perBlock(translation);
          const theirs = perBlock(source);
          if (mine.length === theirs.length) {
            const index = mine.findIndex((block, i) => block.count !== theirs[i]!.count);
            const place = mine[index]?.start;
            if (place) {
              at = place;
              related = theirs[index]!.start ?? related;
            }
          }
        }
      } else {
        const extra = found[expected.length]?.position?.start;
        if (extra) at = extra;
      }
      context.report({ at, related, message: `Unexpected ${found.length} UI label${found.length === 1 ? '' : 's'} in ${where}, expected ${expected.length} as in the source`, data: { found: found.length, expected: expected.length } });
    }
  },
});
