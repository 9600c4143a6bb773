import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, runLint, runStamp, runStatus, UsageError } from '../src/index.js';
import { en, fr, tree } from './tree.js';

const fixed = en.replace('/images/b.png', '/images/a.png');
const quick = { cache: false, history: false } as const;

/** What `main` writes to stdout and stderr, captured. */
let out = '';
let err = '';
const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
beforeEach(() => {
  out = '';
  err = '';
  process.stdout.write = ((chunk: string) => ((out += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((err += String(chunk)), true)) as typeof process.stderr.write;
});
afterEach(() => {
  process.stdout.write = writes.out;
  process.stderr.write = writes.err;
});

describe('one CLI grammar', () => {
  it('stamps a translation given by absolute path from any folder: the root is found from the file', async () => {
    const dir = tree({ 'site/docs/fr/guide.md': fr, 'site/docs/en/guide.md': fixed });
    const file = path.join(dir, 'site/docs/en/guide.md');
    const result = await runStamp({ cwd: os.tmpdir(), files: [file], cache: false });
    expect(result.code).toBe(0);
    expect(result.written).toEqual([file]);
    expect(readFileSync(file, 'utf8')).toContain('translationOf:');
    // The same through main, from yet another folder, with a folder as the positional root.
    expect(await main(['stamp', path.join(dir, 'site/docs'), '--no-cache'])).toBe(0);
    expect(out).toContain('0 stamped, 1 already up to date');
  });

  it('refuses a --source or --target the tree does not have, listing the locales found (exit 2)', async () => {
    const cwd = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': fixed });
    await expect(runLint({ ...quick, cwd, source: 'xx' })).rejects.toThrow(
      new UsageError('Unexpected --source `xx`, expected one of the locales found: en, fr'),
    );
    await expect(runStatus({ ...quick, cwd, target: ['de'] })).rejects.toThrow(/Unexpected --target `de`, expected one of the locales found: en, fr/);
    expect(await main(['lint', path.join(cwd, 'content'), '--source', 'xx', '--no-cache'])).toBe(2);
    expect(err).toBe('guidekit-i18n lint: Unexpected --source `xx`, expected one of the locales found: en, fr\nSee `guidekit-i18n lint --help`.\n');
  });

  it('status reports stale and missing translations as sarif and github annotations, and --fail-on gates on them', async () => {
    const cwd = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': fixed, 'content/fr/other.md': fr });
    await runStamp({ cwd, cache: false });
    const github = await runStatus({ ...quick, cwd, reporter: 'github' });
    expect(github.code).toBe(0);
    expect(github.output).toBe(
      '::warning file=content/fr/other.md,line=1,col=1,title=i18n/status-missing::No en translation of `other` yet: expected one beside the source `fr/other.md`\n',
    );
    const sarif = JSON.parse((await runStatus({ ...quick, cwd, reporter: 'sarif' })).output) as {
      runs: { results: { ruleId: string }[]; tool: { driver: { rules: { helpUri: string }[] } } }[];
    };
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['i18n/status-missing']);
    expect(sarif.runs[0]?.tool.driver.rules[0]?.helpUri).toMatch(/docs\/rules\/i18n\/status-missing\.md$/);
    expect((await runStatus({ ...quick, cwd, failOn: ['stale'] })).code).toBe(0);
    expect((await runStatus({ ...quick, cwd, failOn: ['stale', 'missing'] })).code).toBe(1);
    expect(await main(['status', path.join(cwd, 'content'), '--fail-on', 'missing', '--no-history', '--no-cache'])).toBe(1);
    expect(await main(['status', path.join(cwd, 'content'), '--fail-on', 'late'])).toBe(2);
    expect(err).toContain('Unexpected --fail-on state `late`, expected one of stale, untranslated, missing, orphan, unknown');
  });

  it('prints a bad reporter as one line and where the help is, not the whole help', async () => {
    expect(await main(['lint', '--reporter', 'xml'])).toBe(2);
    expect(err.trimEnd().split('\n')).toHaveLength(2);
    expect(err).toMatch(
      /^guidekit-i18n lint: option '-r, --reporter <name>' argument 'xml' is invalid\. Allowed choices are stylish, json, sarif, github\.\nSee `guidekit-i18n lint --help`\.\n$/,
    );
  });

  it('takes --color and --no-color, and lists the same shape of help, on every command', async () => {
    for (const command of ['lint', 'status', 'stamp', 'ack', 'scaffold', 'rules']) {
      out = '';
      expect(await main([command, '--help'])).toBe(0);
      expect(out).toContain('--color');
      expect(out).toContain('--no-color');
      expect(out).toContain('-h, --help');
      expect(out).toContain('Exit codes: 0 no errors, 1 errors found');
    }
  });

  it('lists its rules with their documentation URL', async () => {
    expect(await main(['rules'])).toBe(0);
    expect(out).toMatch(/^i18n\/missing-step +error/m);
    expect(out).toContain('docs/rules/i18n/missing-step.md');
    out = '';
    expect(await main(['rules', '--json'])).toBe(0);
    const list = JSON.parse(out) as { id: string; url: string }[];
    expect(list.map((rule) => rule.id)).toContain('i18n/status-stale');
    expect(list.every((rule) => rule.url.endsWith(`docs/rules/${rule.id}.md`))).toBe(true);
  });
});
