import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintPair } from '../src/index.js';
import type { Diagnostic } from '@guidekit/model';
import { corpusPairs, hasCorpus, noteCorpus } from './helpers/corpus.js';
import { doc } from './helpers/docs.js';
import { mutations } from './helpers/mutations.js';

noteCorpus();

const key = (d: Pick<Diagnostic, 'ruleId' | 'line'>) => `${d.ruleId}@${d.line}`;

/**
 * Inject each defect into the translation; the lint must report exactly the baseline (moved
 * with the edit) plus one diagnostic of the right rule on the right line.
 */
function check(name: string, fr: string, en: string, frPath: string, enPath: string) {
  const source = doc(fr, 'fr', frPath, name);
  const translation = doc(en, 'en', enPath, name);
  const baseline = lintPair({ source, translation });
  const applied: string[] = [];
  for (const mutation of mutations) {
    const mutated = mutation.apply(translation, source);
    if (!mutated) continue;
    applied.push(mutation.name);
    const after = lintPair({ source, translation: doc(mutated.text, 'en', enPath, name) });
    const expected = baseline
      .map((d) => {
        const line = mutated.shift(d.line);
        return line === undefined ? undefined : key({ ruleId: d.ruleId, line });
      })
      .filter((k): k is string => k !== undefined);
    expected.push(key({ ruleId: mutation.rule, line: mutated.line }));
    expect(after.map(key).sort(), `${name}: ${mutation.name}`).toEqual(expected.sort());
  }
  return applied;
}

describe('mutations of a written fixture pair', () => {
  const read = (file: string) => readFileSync(new URL(`./fixtures/pair/${file}`, import.meta.url), 'utf8');
  it('each defect is reported by exactly its rule at its line, nothing else changes', () => {
    const applied = check('queue', read('fr.md'), read('en.md'), 'fr/queue.md', 'en/queue.md');
    expect(applied).toEqual(mutations.map((m) => m.name));
  });
});

describe.skipIf(!hasCorpus)('mutations of real corpus pairs', () => {
  const pairs = corpusPairs();
  it('finds the pairs', () => {
    expect(pairs.length).toBeGreaterThan(30);
  });
  it('each defect is reported by exactly its rule at its line, nothing else changes', () => {
    const counts = new Map<string, number>();
    for (const pair of pairs) {
      for (const name of check(pair.name, pair.fr, pair.en, pair.frPath, pair.enPath)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    // Every kind of defect was tried on several real pairs.
    for (const mutation of mutations) expect(counts.get(mutation.name) ?? 0, mutation.name).toBeGreaterThanOrEqual(3);
  });
});
