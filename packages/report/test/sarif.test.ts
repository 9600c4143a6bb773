import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, sarif } from '../src/index.js';
import type { ReporterContext } from '../src/index.js';
import { fixtures } from './golden.js';

// The official OASIS SARIF 2.1.0 schema (draft-07), shipped as a fixture: see test/fixtures/README.md.
const schema = JSON.parse(fs.readFileSync(path.join(fixtures, 'sarif-schema-2.1.0.json'), 'utf8')) as object;
// ajv-formats is CommonJS; its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;
// strict: false because the official schema uses `default`s and patterns ajv's strict mode
// would warn about; validation itself is unaffected.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function valid(text: string): true {
  const ok = validate(JSON.parse(text));
  if (!ok) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
  return ok;
}

const input = JSON.parse(fs.readFileSync(path.join(fixtures, 'reporters/input.json'), 'utf8')) as {
  cwd: string;
  sources: Record<string, string>;
  diagnostics: Diagnostic[];
};

describe('sarif against the official SARIF 2.1.0 schema', () => {
  it('validates the fixture report (tool, rules, related places, encoded URIs)', () => {
    expect(valid(sarif(input.diagnostics, { cwd: input.cwd, sources: (f) => input.sources[f] }))).toBe(true);
  });

  it('validates an empty report and a report without a tool version or sources', () => {
    expect(valid(sarif([], { cwd: '/' }))).toBe(true);
    const d: Diagnostic = { file: 'a #1?.md', line: 1, column: 1, severity: 'info', ruleId: 'r', message: 'm' };
    expect(valid(sarif([d], { cwd: '/', tool: { name: 'x', version: '1', informationUri: 'not a url' } }))).toBe(true);
  });

  it('drops a relative docs URL rather than emit an invalid helpUri', () => {
    const d: Diagnostic = { file: 'a.md', line: 1, column: 1, severity: 'error', ruleId: 'r', message: 'm' };
    const out = sarif([d], { cwd: '/', rules: { r: { description: 'R.', docs: 'docs/r.md' } } });
    expect(valid(out)).toBe(true);
    expect(out).not.toContain('helpUri');
  });

  it('points every rule at its page under docs/rules as helpUri', () => {
    const d: Diagnostic = { file: 'a.md', line: 1, column: 1, severity: 'error', ruleId: 'i18n/image-mismatch', message: 'm' };
    const log = JSON.parse(sarif([d], { cwd: '/', docsBase: 'https://example.org/repo/blob/main/' })) as Log;
    expect(log.runs[0]!.tool.driver.rules![0]!.helpUri).toBe('https://example.org/repo/blob/main/docs/rules/i18n/image-mismatch.md');
    expect(sarif([d], { cwd: '/', docsBase: false })).not.toContain('helpUri');
  });

  it('the validator does reject a broken log (so the checks above can fail)', () => {
    const log = JSON.parse(sarif(input.diagnostics, { cwd: input.cwd })) as Log;
    (log.runs[0]!.results![0] as { level: string }).level = 'info';
    expect(validate(log)).toBe(false);
    const noVersion = JSON.parse(sarif([], { cwd: '/' })) as Partial<Log>;
    delete noVersion.version;
    expect(validate(noVersion)).toBe(false);
  });

  it('maps severities to SARIF levels and points ruleIndex at the rule', () => {
    const log = JSON.parse(sarif(input.diagnostics, { cwd: input.cwd })) as Log;
    const run = log.runs[0]!;
    const levels = run.results!.map((r) => r.level);
    expect(levels).toEqual(['error', 'warning', 'error', 'note']);
    for (const result of run.results!) expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
  });
});

describe('sarif partialFingerprints', () => {
  const text = 'Title\n\n![Screen](/images/a.png)\n';
  const d: Diagnostic = {
    file: 'content/en/a.md',
    line: 3,
    column: 1,
    severity: 'error',
    ruleId: 'i18n/image-mismatch',
    message: 'Unexpected image `/images/a.png`, expected `/images/b.png`',
  };
  const fingerprintOf = (diagnostic: Diagnostic, source: string, ctx: Partial<ReporterContext> = {}) => {
    const log = JSON.parse(sarif([diagnostic], { cwd: '/repo', sources: () => source, ...ctx })) as Log;
    return log.runs[0]!.results![0]!.partialFingerprints![FINGERPRINT_KEY]!;
  };

  it('stays the same when lines are added above the problem', () => {
    const before = fingerprintOf(d, text);
    const after = fingerprintOf({ ...d, line: 6 }, `Intro\nmore\n\n${text}`);
    expect(after).toBe(before);
  });

  it('ignores indentation changes of the line', () => {
    expect(fingerprintOf(d, 'Title\n\n   ![Screen](/images/a.png)   \n')).toBe(fingerprintOf(d, text));
  });

  it('changes when the line text, the message, the rule or the file changes', () => {
    const base = fingerprintOf(d, text);
    expect(fingerprintOf(d, 'Title\n\n![Other](/images/a.png)\n')).not.toBe(base);
    expect(fingerprintOf({ ...d, message: 'Unexpected image `/images/a.png`, expected `/images/c.png`' }, text)).not.toBe(base);
    expect(fingerprintOf({ ...d, ruleId: 'i18n/other' }, text)).not.toBe(base);
    expect(fingerprintOf({ ...d, file: 'content/en/b.md' }, text)).not.toBe(base);
  });

  it('is the same for an absolute or a relative path to the same file', () => {
    expect(fingerprintOf({ ...d, file: '/repo/content/en/a.md' }, text)).toBe(fingerprintOf(d, text));
  });

  it('keeps identical problems on identical lines apart by their order', () => {
    const source = 'x\nsame line\nsame line\n';
    const log = JSON.parse(
      sarif(
        [d, { ...d, line: 2 }].map((x, i) => ({ ...x, line: i + 2 })),
        { cwd: '/repo', sources: () => source },
      ),
    ) as Log;
    const [a, b] = log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
    expect(a!.split(':')[0]).toBe(b!.split(':')[0]);
    expect([a!.split(':')[1], b!.split(':')[1]]).toEqual(['1', '2']);
  });

  it('still gives a fingerprint when the source is unknown', () => {
    const log = JSON.parse(sarif([d], { cwd: '/repo' })) as Log;
    expect(log.runs[0]!.results![0]!.partialFingerprints![FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:1$/);
  });
});
