import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { DiagnosticSchema } from '@guidekit/model';
import { describe, expect, it } from 'vitest';
import { getReporter, github, json, reporterNames, reporters, stylish } from '../src/index.js';
import type { ReporterContext, RuleMeta, ToolInfo } from '../src/index.js';
import { fixtures, golden } from './golden.js';

interface Input {
  cwd: string;
  sources: Record<string, string>;
  tool: ToolInfo;
  rules: Record<string, RuleMeta>;
  diagnostics: Diagnostic[];
}

const input = JSON.parse(fs.readFileSync(path.join(fixtures, 'reporters/input.json'), 'utf8')) as Input;
const context: ReporterContext = {
  cwd: input.cwd,
  tool: input.tool,
  rules: input.rules,
  sources: (file) => input.sources[file],
};
const extension: Record<string, string> = { stylish: 'txt', json: 'json', sarif: 'json', github: 'txt' };

describe('reporter registry', () => {
  it('lists every reporter, the default first', () => {
    expect(reporterNames).toEqual(['stylish', 'json', 'sarif', 'github']);
    for (const name of reporterNames) expect(getReporter(name)).toBe(reporters[name]);
  });

  it('returns undefined for unknown names, including inherited keys', () => {
    expect(getReporter('junit')).toBeUndefined();
    expect(getReporter('toString')).toBeUndefined();
    expect(getReporter('__proto__')).toBeUndefined();
  });
});

describe.each(reporterNames)('%s reporter', (name) => {
  const reporter = reporters[name]!;

  it('matches its golden file', () => {
    golden(`reporters/expected.${name}.${extension[name]}`, reporter(input.diagnostics, context));
  });

  it('does not depend on the input order and does not mutate it', () => {
    const copy = structuredClone(input.diagnostics);
    const reversed = [...input.diagnostics].reverse();
    expect(reporter(reversed, context)).toBe(reporter(input.diagnostics, context));
    expect(input.diagnostics).toEqual(copy);
  });

  it('ends non-empty output with exactly one newline', () => {
    const out = reporter(input.diagnostics, context);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.endsWith('\n\n')).toBe(false);
  });
});

describe('stylish', () => {
  it('prints no issues found for an empty list', () => {
    expect(stylish([], { cwd: '/repo' })).toBe('no issues found\n');
  });

  it('prints no ANSI codes unless color is asked for', () => {
    const plain = stylish(input.diagnostics, { cwd: '/repo' });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(stylish(input.diagnostics, { cwd: '/repo', color: true })).toMatch(/\u001b\[31merror\u001b\[39m/);
  });

  it('counts errors and warnings in its summary line', () => {
    const out = stylish(input.diagnostics, context);
    expect(out.split('\n')).toContain('4 messages (✖ 2 errors, ⚠ 1 warning)');
  });

  it('ends with where each rule that fired is documented, once per rule', () => {
    const out = stylish(input.diagnostics, { ...context, docsBase: 'https://docs.example/guidekit/' });
    const footer = out.slice(out.indexOf('Rule docs:\n'));
    expect(footer.split('\n')).toEqual([
      'Rule docs:',
      '  content/missing-description  https://docs.example/guidekit/docs/rules/content/missing-description.md',
      '  content/orphan-translation  https://docs.example/guidekit/docs/rules/content/orphan-translation.md',
      '  i18n/image-mismatch  https://example.org/guidekit/rules/i18n/image-mismatch',
      '  parse/unknown-section  https://docs.example/guidekit/docs/rules/parse/unknown-section.md',
      '',
    ]);
    expect(stylish(input.diagnostics, { cwd: '/repo', docsBase: false })).not.toContain('Rule docs:');
  });
});

describe('json', () => {
  it('prints valid diagnostics with keys in the documented order', () => {
    const parsed = JSON.parse(json(input.diagnostics, context)) as unknown[];
    expect(parsed).toHaveLength(input.diagnostics.length);
    for (const item of parsed) expect(DiagnosticSchema.safeParse(item).success).toBe(true);
    expect(Object.keys(parsed[0] as object)).toEqual(['file', 'line', 'column', 'severity', 'ruleId', 'message', 'url']);
  });

  it('gives each diagnostic its rule page as `url`, none with docsBase false', () => {
    const [first] = JSON.parse(json(input.diagnostics, context)) as { ruleId: string; url: string }[];
    expect(first).toMatchObject({
      ruleId: 'content/orphan-translation',
      url: 'https://github.com/guidekit/guidekit/blob/main/docs/rules/content/orphan-translation.md',
    });
    // Only the rule whose page the context names keeps one.
    expect(json(input.diagnostics, { ...context, docsBase: false }).match(/"url"/g)).toHaveLength(1);
  });

  it('prints an empty array for no diagnostics', () => {
    expect(json([], context)).toBe('[]\n');
  });

  it('drops keys that are not part of the diagnostic shape', () => {
    const extra = { ...input.diagnostics[1]!, secret: 'x' } as Diagnostic;
    expect(json([extra], context)).not.toContain('secret');
  });
});

describe('github', () => {
  it('escapes data and properties exactly as GitHub documents', () => {
    const d: Diagnostic = {
      file: 'content/50%, a:b.md',
      line: 2,
      column: 3,
      endLine: 4,
      endColumn: 5,
      severity: 'warning',
      ruleId: 'x/odd:id,here',
      message: '100% sure\r\nnext: a, b',
    };
    // Hand-written from GitHub's workflow-command docs: data escapes % \r \n; property values
    // additionally escape : and ,.
    expect(github([d], { cwd: '/repo' })).toBe(
      '::warning file=content/50%25%2C a%3Ab.md,line=2,col=3,endLine=4,endColumn=5,title=x/odd%3Aid%2Chere::100%25 sure%0D%0Anext: a, b\n',
    );
  });

  it('uses ::error, ::warning and ::notice, and leaves out unknown end positions', () => {
    const base = { file: 'a.md', line: 1, column: 1, ruleId: 'r', message: 'm' };
    expect(
      github(
        [
          { ...base, severity: 'error' },
          { ...base, line: 2, severity: 'warning' },
          { ...base, line: 3, severity: 'info' },
        ],
        { cwd: '/' },
      ),
    ).toBe('::error file=a.md,line=1,col=1,title=r::m\n' + '::warning file=a.md,line=2,col=1,title=r::m\n' + '::notice file=a.md,line=3,col=1,title=r::m\n');
  });

  it('prints nothing for no diagnostics', () => {
    expect(github([], { cwd: '/' })).toBe('');
  });
});

describe('stylish and control characters', () => {
  it('shows terminal escape sequences from content instead of sending them', () => {
    const d: Diagnostic = { file: 'a.md', line: 1, column: 1, severity: 'error', ruleId: 'r', message: 'Title `\u001b[2Jgone\r` here' };
    const out = stylish([d], { cwd: '/' });
    expect(out).toContain('Title `\\x1B[2Jgone\\x0D` here');
    expect(out).not.toContain('\u001b');
    expect(out).not.toContain('\r');
  });
});
