import { describe, expect, it } from 'vitest';
import { lintPair, lintTranslations, guideBaseline, rules } from '../src/index.js';
import type { RuleExample, Rule } from '../src/index.js';
import { doc } from './helpers/docs.js';

function runExample(rule: Rule, example: RuleExample) {
  const sourceLocale = example.sourceLocale ?? 'fr';
  const targetLocale = example.targetLocale ?? 'en';
  const ext = example.format ?? 'md';
  const source = example.source === undefined ? undefined : doc(example.source, sourceLocale, `${sourceLocale}/guide.${ext}`);
  const translation = example.translation === undefined ? undefined : doc(example.translation, targetLocale, `${targetLocale}/guide.${ext}`);
  if (source && translation) {
    const baseline = example.sourceThen === undefined ? undefined : guideBaseline(doc(example.sourceThen, sourceLocale).guide);
    return lintPair({ source, translation, baseline, ruleList: [rule] });
  }
  return lintTranslations([{ slug: 'guide', source, translations: translation ? [translation] : [] }], {
    sourceLocale,
    targetLocales: [targetLocale],
    ruleList: [rule],
  });
}

describe('documented examples', () => {
  it('every rule has one file, an i18n/ id and examples of both kinds', () => {
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^i18n\/[a-z-]+$/);
      expect(rule.meta.examples.ok.length).toBeGreaterThan(0);
      expect(rule.meta.examples.notOk.length).toBeGreaterThan(0);
    }
  });
  for (const rule of rules) {
    describe(rule.id, () => {
      rule.meta.examples.ok.forEach((example, index) => {
        it(`ok #${index + 1} reports nothing`, () => {
          expect(runExample(rule, example)).toEqual([]);
        });
      });
      rule.meta.examples.notOk.forEach((example, index) => {
        it(`not-ok #${index + 1} is reported by this rule only`, () => {
          const found = runExample(rule, example);
          expect(found.length).toBeGreaterThan(0);
          for (const diagnostic of found) {
            expect(diagnostic.ruleId).toBe(rule.id);
            expect(diagnostic.line).toBeGreaterThanOrEqual(1);
            expect(diagnostic.message).toMatch(/^(Unexpected|Missing) /);
          }
        });
      });
    });
  }
});
