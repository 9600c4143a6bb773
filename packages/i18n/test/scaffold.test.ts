import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acknowledgeText, lintPair, rules, scaffold, staleUnits, stampBaseline } from '../src/index.js';
import { corpusPairs, hasCorpus, noteCorpus } from './helpers/corpus.js';
import { doc } from './helpers/docs.js';

noteCorpus();

const structural = new Set(rules.filter((rule) => rule.meta.category === 'structure').map((rule) => rule.id));
const read = (file: string) => readFileSync(new URL(`./fixtures/pair/${file}`, import.meta.url), 'utf8');

function scaffoldAndLint(text: string, path: string) {
  const source = doc(text, 'fr', path);
  const skeleton = scaffold(source, { to: 'en' });
  const translation = doc(skeleton, 'en', path.replace(/^fr|french/, 'english'));
  return { source, skeleton, translation, found: lintPair({ source, translation }) };
}

describe('scaffold', () => {
  it('keeps structure, translates step and section words, stamps, and passes every structural rule', () => {
    const { source, skeleton, translation, found } = scaffoldAndLint(read('fr.md'), 'fr/queue.md');
    expect(skeleton).toContain('##### Step 1: Ouvrir la console d\'exemple');
    expect(skeleton).toContain('##### Prerequisites');
    expect(skeleton).toContain('*<u>Add queue</u>*');
    expect(skeleton).toContain('![image](/images/guides/queue/step_002.png)');
    expect(translation.guide.steps.map((step) => step.id)).toEqual(source.guide.steps.map((step) => step.id));
    expect(found.filter((d) => structural.has(d.ruleId))).toEqual([]);
    // What is left is the translator's work: prose and the title.
    expect(new Set(found.map((d) => d.ruleId))).toEqual(new Set(['i18n/untranslated', 'i18n/frontmatter-mismatch']));
    // The stamp records the source now: nothing is stale.
    expect(staleUnits(source.guide, stampBaseline(translation.guide)!)).toEqual([]);
  });

  it('keeps step variants: `Étape 4 bis` becomes `Step 4b`', () => {
    const { skeleton, found } = scaffoldAndLint('##### Étape 4 : A\nTexte.\n\n##### Étape 4 bis : B\nTexte.\n', 'fr/x.md');
    expect(skeleton).toContain('##### Step 4b: B');
    expect(found.filter((d) => structural.has(d.ruleId))).toEqual([]);
  });

  it.skipIf(!hasCorpus)('passes every structural rule on every real French source', () => {
    const pairs = corpusPairs();
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) {
      const { found } = scaffoldAndLint(pair.fr, pair.frPath);
      expect(found.filter((d) => structural.has(d.ruleId)), pair.name).toEqual([]);
    }
  });
});

describe('acknowledge', () => {
  it('accepts one changed step and leaves the others stale', () => {
    const then = doc('##### Étape 1 : A\nTexte un.\n\n##### Étape 2 : B\nTexte deux.\n', 'fr');
    const now = doc('##### Étape 1 : A\nTexte un modifié.\n\n##### Étape 2 : B\nTexte deux modifié.\n', 'fr');
    const translation = doc(scaffold(then, { to: 'en' }), 'en');
    expect(staleUnits(now.guide, stampBaseline(translation.guide)!).map((u) => u.key)).toEqual(['step-1', 'step-2']);
    const acked = acknowledgeText(translation.text!, translation.guide, now.guide, { steps: ['step-2'] });
    expect(acked.acknowledged).toEqual(['step-2']);
    const after = doc(acked.text, 'en');
    expect(staleUnits(now.guide, stampBaseline(after.guide)!).map((u) => u.key)).toEqual(['step-1']);
    // Only the front matter changed.
    expect(acked.text.slice(acked.text.indexOf('##### Step 1'))).toBe(translation.text!.slice(translation.text!.indexOf('##### Step 1')));
  });
});
