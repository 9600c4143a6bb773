import { defineRule } from '../rule.js';
import { diffLists, paired, quote, unitName, unitStart } from '../compare.js';
import { factsOf } from '../facts.js';

/** A step or section shows other images than the source's. */
export const imageMismatch = defineRule({
  id: 'i18n/image-mismatch',
  meta: {
    description: 'Each step and section shows the same images (URLs) as in the source; alt text may differ.',
    defaultSeverity: 'error',
    category: 'structure',
    docs: 'Image URLs are compared per aligned step or section, as multisets: order inside a unit does not matter, and alternative text is translated freely. A changed URL is one diagnostic on the translated image.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\n![capture](/images/a.png)', translation: '##### Step 1: A\n![screenshot](/images/a.png)' }],
      notOk: [{ source: '##### Étape 1 : A\n![capture](/images/a.png)', translation: '##### Step 1: A\n![screenshot](/images/b.png)' }],
    },
  },
  check(context) {
    for (const { source, translation } of paired(context.alignment.units)) {
      const diff = diffLists(factsOf(source).images, factsOf(translation).images, (image) => image.value);
      const where = unitName(translation);
      for (const [found, expected] of diff.changed) {
        context.report({ at: found.position, related: expected.position, message: `Unexpected image ${quote(found.value)} in ${where}, expected ${quote(expected.value)} as in the source`, data: { found: found.value, expected: expected.value } });
      }
      for (const found of diff.extra) {
        context.report({ at: found.position, related: unitStart(source), message: `Unexpected image ${quote(found.value)} in ${where}, expected no such image as in the source`, data: { found: found.value } });
      }
      for (const expected of diff.missing) {
        context.report({ at: unitStart(translation), related: expected.position, message: `Missing image ${quote(expected.value)} in ${where}, expected it as in the source`, data: { expected: expected.value } });
      }
    }
  },
});
