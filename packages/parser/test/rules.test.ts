import { describe, expect, test } from 'vitest';
import { type ParserRuleExample, parseGuide, parserRules } from '../src/index.js';

function ruleIdsOf(example: ParserRuleExample): string[] {
  const { diagnostics } = parseGuide(example.source, { path: 'fr/guide.md', locale: 'fr', ...example.options });
  return diagnostics.map((d) => d.ruleId);
}

describe('parser rules: the documented examples are what the parser does', () => {
  test('ids are unique and well formed', () => {
    const ids = parserRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(parse|frontmatter)\/[a-z][a-z0-9-]*$/);
  });

  // Rules whose input cannot be written as a string example (bad bytes, NUL, micromark's
  // quadratic inputs, a parser bug) have none: an empty describe fails in vitest 4.
  for (const rule of parserRules.filter((r) => r.meta.examples.ok.length + r.meta.examples.notOk.length > 0)) {
    describe(rule.id, () => {
      rule.meta.examples.ok.forEach((example, i) => {
        test(`ok #${i + 1} raises nothing`, () => expect(ruleIdsOf(example)).toEqual([]));
      });
      rule.meta.examples.notOk.forEach((example, i) => {
        test(`not-ok #${i + 1} raises ${rule.id} with the default severity`, () => {
          const { diagnostics } = parseGuide(example.source, { path: 'fr/guide.md', locale: 'fr', ...example.options });
          expect(diagnostics.filter((d) => d.ruleId === rule.id).map((d) => d.severity)).toEqual([rule.meta.defaultSeverity]);
        });
      });
    });
  }
});
