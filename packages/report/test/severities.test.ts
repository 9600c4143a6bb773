import type { Diagnostic } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { applySeverities, exitCodeFor, report, ruleMatches, summarize } from '../src/index.js';
import type { RuleLevel } from '../src/index.js';

const d = (ruleId: string, severity: Diagnostic['severity'] = 'error', line = 1): Diagnostic => ({
  file: 'a.md',
  line,
  column: 1,
  severity,
  ruleId,
  message: 'm',
});

describe('applySeverities', () => {
  it('drops rules turned off and remaps the others, words or numbers', () => {
    const input = [d('i18n/a'), d('i18n/b'), d('i18n/c', 'warning'), d('i18n/d', 'info'), d('i18n/e')];
    const out = applySeverities(input, { 'i18n/a': 'off', 'i18n/b': 'warn', 'i18n/c': 2, 'i18n/d': 1 });
    expect(out.map((x) => `${x.ruleId}:${x.severity}`)).toEqual(['i18n/b:warning', 'i18n/c:error', 'i18n/d:warning', 'i18n/e:error']);
    expect(applySeverities([d('i18n/a')], { 'i18n/a': 0 })).toEqual([]);
  });

  it('does not mutate its input', () => {
    const input = [d('i18n/a')];
    applySeverities(input, { 'i18n/a': 'warn' });
    expect(input[0]!.severity).toBe('error');
  });

  it('accepts ids without their package prefix; the full id wins', () => {
    expect(applySeverities([d('i18n/a')], { a: 'warn' })[0]!.severity).toBe('warning');
    expect(applySeverities([d('i18n/a')], { a: 'off', 'i18n/a': 'error' })[0]!.severity).toBe('error');
  });

  it('throws on a level that a validated config cannot hold', () => {
    expect(() => applySeverities([], { x: 'loud' as RuleLevel })).toThrow(/Unexpected level "loud" for rule `x`/);
  });
});

describe('ruleMatches', () => {
  it('matches the full id or the part after the package prefix', () => {
    expect(ruleMatches('i18n/missing-step', 'i18n/missing-step')).toBe(true);
    expect(ruleMatches('missing-step', 'i18n/missing-step')).toBe(true);
    expect(ruleMatches('step', 'i18n/missing-step')).toBe(false);
    expect(ruleMatches('i18n', 'i18n/missing-step')).toBe(false);
    expect(ruleMatches('missing-step', 'missing-step')).toBe(true);
  });
});

describe('summarize and exitCodeFor', () => {
  const list = [d('a'), d('b', 'warning'), d('c', 'warning'), d('e', 'info')];

  it('counts by severity', () => {
    expect(summarize(list)).toEqual({ errors: 1, warnings: 2, infos: 1 });
    expect(summarize([])).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('is 1 on any error, whatever the warnings', () => {
    expect(exitCodeFor(list)).toBe(1);
    expect(exitCodeFor([d('a')], { maxWarnings: 10 })).toBe(1);
  });

  it('is 1 only when warnings exceed maxWarnings', () => {
    const warnings = [d('b', 'warning'), d('c', 'warning'), d('e', 'info')];
    expect(exitCodeFor(warnings)).toBe(0);
    expect(exitCodeFor(warnings, { maxWarnings: 2 })).toBe(0);
    expect(exitCodeFor(warnings, { maxWarnings: 1 })).toBe(1);
    expect(exitCodeFor(warnings, { maxWarnings: 0 })).toBe(1);
    expect(exitCodeFor(warnings, { maxWarnings: -1 })).toBe(0);
    expect(exitCodeFor([d('e', 'info')], { maxWarnings: 0 })).toBe(0);
    expect(exitCodeFor([])).toBe(0);
  });
});

describe('report', () => {
  const list = [d('x/w', 'warning', 2), d('x/e', 'error', 1), d('x/i', 'info', 3)];

  it('defaults to stylish and the current directory', () => {
    expect(report(list)).toBe(report(list, { reporter: 'stylish', cwd: process.cwd() }));
    expect(report(list)).toMatch(/3 messages \(✖ 1 error, ⚠ 1 warning\)/);
  });

  it('keeps errors only when quiet', () => {
    const out = JSON.parse(report(list, { reporter: 'json', quiet: true })) as Diagnostic[];
    expect(out.map((x) => x.ruleId)).toEqual(['x/e']);
  });

  it('accepts a reporter function', () => {
    expect(report(list, { reporter: (ds) => ds.map((x) => x.ruleId).join(',') })).toBe('x/e,x/w,x/i');
  });

  it('throws a plain sentence for an unknown reporter name', () => {
    expect(() => report(list, { reporter: 'junit' })).toThrow('Unexpected reporter `junit`, expected one of stylish, json, sarif, github');
  });
});
