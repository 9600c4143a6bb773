import { describe, expect, test } from 'vitest';
import { hasExample, ruleExamples, runExample } from '../src/run.js';

describe.each(ruleExamples())('$ruleId', (rule) => {
  test('the ok example reports nothing', async () => {
    expect(hasExample(rule, 'ok'), 'every rule has an ok example').toBe(true);
    expect(await runExample(rule, 'ok')).toEqual([]);
  });

  test('the not-ok example reports this rule, and no other, as its run.json says', async () => {
    expect(hasExample(rule, 'not-ok'), 'every rule has a not-ok example').toBe(true);
    expect(rule.spec.reports?.length, 'run.json lists what the not-ok example reports').toBeGreaterThan(0);
    const diagnostics = await runExample(rule, 'not-ok');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(diagnostics.map(() => rule.ruleId));
    expect(diagnostics.map(({ ruleId, ...report }) => report)).toEqual(rule.spec.reports);
  });
});
