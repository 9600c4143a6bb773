import { describe, expect, test } from 'vitest';
import { hasExample, ruleExamples, runExample } from '../src/run.js';

const show = (ds: { ruleId: string; file: string; line?: number; message: string }[]) => ds.map((d) => `${d.ruleId} ${d.file}:${d.line ?? ''} ${d.message}`);

describe.each(ruleExamples())('$ruleId', (rule) => {
  test('the ok example reports nothing', async () => {
    expect(hasExample(rule, 'ok'), 'every rule has an ok example').toBe(true);
    expect(show(await runExample(rule, 'ok'))).toEqual([]);
  });

  test('the not-ok example reports this rule and no other', async () => {
    expect(hasExample(rule, 'not-ok'), 'every rule has a not-ok example').toBe(true);
    const diagnostics = await runExample(rule, 'not-ok');
    expect(diagnostics.length, 'at least one diagnostic').toBeGreaterThan(0);
    expect(show(diagnostics.filter((d) => d.ruleId !== rule.ruleId))).toEqual([]);
  });
});
