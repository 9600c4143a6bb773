import type { Diagnostic } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { applyInlineDirectives, parseDirectives } from '../src/index.js';

const at = (line: number, ruleId: string, column = 1, file = 'g.md'): Diagnostic => ({
  file,
  line,
  column,
  severity: 'error',
  ruleId,
  message: `problem at ${line}`,
});
const kept = (diagnostics: Diagnostic[], source: string) => applyInlineDirectives(diagnostics, () => source).map((d) => `${d.line}:${d.ruleId}`);

describe('applyInlineDirectives', () => {
  it('silences a rule between disable and enable, and only that rule', () => {
    const source = [
      'line 1',
      '<!-- guidekit-disable i18n/image-mismatch -->',
      'line 3',
      'line 4',
      '<!-- guidekit-enable i18n/image-mismatch -->',
      'line 6',
    ].join('\n');
    const diagnostics = [1, 3, 4, 6].flatMap((n) => [at(n, 'i18n/image-mismatch'), at(n, 'i18n/link-mismatch')]);
    expect(kept(diagnostics, source)).toEqual([
      '1:i18n/image-mismatch',
      '1:i18n/link-mismatch',
      '3:i18n/link-mismatch',
      '4:i18n/link-mismatch',
      '6:i18n/image-mismatch',
      '6:i18n/link-mismatch',
    ]);
  });

  it('disables to the end of the file when never enabled', () => {
    const source = 'a\n<!-- guidekit-disable x/r -->\nb\nc\n';
    expect(kept([at(1, 'x/r'), at(3, 'x/r'), at(4, 'x/r')], source)).toEqual(['1:x/r']);
  });

  it('without rule ids, disables and enables every rule', () => {
    const source = 'a\n<!-- guidekit-disable -->\nb\n<!-- guidekit-enable -->\nc\n';
    const diagnostics = [1, 3, 5].flatMap((n) => [at(n, 'a/one'), at(n, 'b/two')]);
    expect(kept(diagnostics, source)).toEqual(['1:a/one', '1:b/two', '5:a/one', '5:b/two']);
  });

  it('re-enables one rule after disabling all', () => {
    const source = '<!-- guidekit-disable -->\n<!-- guidekit-enable a/one -->\nx\n';
    expect(kept([at(3, 'a/one'), at(3, 'b/two')], source)).toEqual(['3:a/one']);
  });

  it('disable-next-line silences only the next line, for the rules named', () => {
    const source = 'a\n<!-- guidekit-disable-next-line x/r -->\nb\nc\n';
    expect(kept([at(3, 'x/r'), at(3, 'y/s'), at(4, 'x/r'), at(2, 'x/r')], source)).toEqual(['3:y/s', '4:x/r', '2:x/r']);
  });

  it('disable-next-line without ids silences every rule on the next line', () => {
    const source = '<!-- guidekit-disable-next-line -->\nb\nc\n';
    expect(kept([at(2, 'x/r'), at(2, 'y/s'), at(3, 'x/r')], source)).toEqual(['3:x/r']);
  });

  it('reads CRLF sources with the same lines and columns', () => {
    const source = 'a\r\n<!-- guidekit-disable-next-line x/r -->\r\nb\r\nc <!-- guidekit-disable -->\r\n';
    expect(kept([at(3, 'x/r'), at(4, 'x/r'), at(4, 'y/s', 2), at(4, 'y/s', 3)], source)).toEqual(['4:x/r', '4:y/s']);
    expect(parseDirectives(source).map((d) => [d.line, d.column])).toEqual([
      [2, 1],
      [4, 3],
    ]);
  });

  it('disable-next-line counts from the line a multi-line comment ends on', () => {
    const source = 'a\n<!--\n  guidekit-disable-next-line x/r\n-->\ntarget\n';
    expect(kept([at(5, 'x/r'), at(3, 'x/r')], source)).toEqual(['3:x/r']);
  });

  it('matches a rule id without its package prefix, never a different rule', () => {
    const source = '<!-- guidekit-disable missing-step -->\nx\n';
    expect(kept([at(2, 'i18n/missing-step'), at(2, 'i18n/missing-steps'), at(2, 'i18n/extra-step')], source)).toEqual([
      '2:i18n/missing-steps',
      '2:i18n/extra-step',
    ]);
  });

  it('accepts several ids separated by spaces or commas, and a reason after --', () => {
    const source = '<!-- guidekit-disable a/one, b/two c/three -- screenshots differ on purpose -->\nx\n';
    expect(kept([at(2, 'a/one'), at(2, 'b/two'), at(2, 'c/three'), at(2, 'd/four')], source)).toEqual(['2:d/four']);
  });

  it('applies from where the comment starts on its line', () => {
    const source = 'before <!-- guidekit-disable x/r --> after\n';
    expect(kept([at(1, 'x/r', 1), at(1, 'x/r', 8), at(1, 'x/r', 30)], source)).toEqual(['1:x/r']);
  });

  it('reads MDX comment expressions too', () => {
    const source = '{/* guidekit-disable-next-line x/r */}\nx\n{/* guidekit-disable y/s */}\ny\n';
    expect(kept([at(2, 'x/r'), at(4, 'y/s'), at(4, 'x/r')], source)).toEqual(['4:x/r']);
  });

  it('ignores directives shown inside fenced code blocks', () => {
    const source = ['```markdown', '<!-- guidekit-disable -->', '```', 'x', '~~~~', '<!-- guidekit-disable -->', '~~~', 'y', '~~~~', 'z'].join('\n');
    expect(kept([at(4, 'x/r'), at(8, 'x/r'), at(10, 'x/r')], source)).toEqual(['4:x/r', '8:x/r', '10:x/r']);
  });

  it('does not take a longer word for a directive', () => {
    expect(parseDirectives('<!-- guidekit-disabled x -->\n<!-- guidekit-enablement -->')).toEqual([]);
  });

  it('only applies a file’s directives to that file’s diagnostics', () => {
    const sources: Record<string, string> = { 'a.md': '<!-- guidekit-disable -->\nx\n', 'b.md': 'x\nx\n' };
    const out = applyInlineDirectives([at(2, 'x/r', 1, 'a.md'), at(2, 'x/r', 1, 'b.md')], (f) => sources[f]);
    expect(out.map((d) => d.file)).toEqual(['b.md']);
  });

  it('keeps every diagnostic of a file it cannot read, and reads each file once', () => {
    const reads: string[] = [];
    const out = applyInlineDirectives([at(1, 'x/r'), at(2, 'x/r'), at(3, 'x/r', 1, 'other.md')], (f) => {
      reads.push(f);
      return undefined;
    });
    expect(out).toHaveLength(3);
    expect(reads).toEqual(['g.md', 'other.md']);
  });

  it('reports where each directive is', () => {
    expect(parseDirectives('a\n  <!-- guidekit-disable-next-line a/b c -->\n')).toEqual([
      { kind: 'disable-next-line', rules: ['a/b', 'c'], line: 2, column: 3, endLine: 2 },
    ]);
  });
});
