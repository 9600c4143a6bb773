import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lintPair, normaliseUrl, extractNumbers } from '../src/index.js';
import { doc } from './helpers/docs.js';

const runs = { numRuns: Number(process.env.FC_RUNS ?? 200) };
// Each run of the lint properties parses two guides (~15 ms): capped so that CI's FC_RUNS=10000
// keeps each property under a minute on a 2-core machine.
const lintRuns = { numRuns: Math.min(runs.numRuns, 2000) };

// Markdown-ish lines: headings, steps, labels, links, images, code fences, stray marks.
const line = fc.oneof(
  fc.constantFrom('##### Étape 1 : A', '##### Step 2: B', '##### Étape 4 bis : C', '##### Prérequis', '##### Sources', '---', '```powershell', '```', '<u>', '</u>', '* *', '[a] (http://x)', '![i](/a.png)', '*<u>Save</u>*', '- item', '**<u>L</u>**'),
  fc.string({ maxLength: 30 }),
);
const markdown = fc.array(line, { maxLength: 25 }).map((lines) => lines.join('\n'));

describe('properties', () => {
  it('lintPair never throws and every diagnostic is well placed', () => {
    fc.assert(
      fc.property(markdown, markdown, (fr, en) => {
        const found = lintPair({ source: doc(fr, 'fr'), translation: doc(en, 'en') });
        const lines = en.split('\n').length + 10;
        for (const d of found) {
          expect(d.ruleId).toMatch(/^i18n\//);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message).toMatch(/^(Unexpected|Missing) /);
        }
      }),
      lintRuns,
    );
  });

  it('a guide linted against itself reports no structural difference', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const found = lintPair({ source: doc(text, 'fr'), translation: doc(text, 'en') });
        // Only "same text" findings are possible: prose, title and description equal.
        for (const d of found) expect(['i18n/untranslated', 'i18n/frontmatter-mismatch']).toContain(d.ruleId);
      }),
      lintRuns,
    );
  });

  it('URL normalisation and number extraction never throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (url, text) => {
        expect(typeof normaliseUrl(url, { locales: ['fr', 'en'], patterns: ['(', '/intl/'] })).toBe('string');
        for (const token of extractNumbers(text)) expect(token.key).not.toBe('NaN');
      }),
      runs,
    );
  });
});
