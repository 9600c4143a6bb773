import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, main, runCheck } from '../src/index.js';
import { cleanSite, guide, makeTree } from './check-helpers.js';

const base = { cache: false } as const;

describe('runCheck', () => {
  it('exits 0 on a clean site and finds the content root from the default folder', async () => {
    const cwd = makeTree(cleanSite());
    const result = await runCheck({ ...base, cwd });
    expect(result.code).toBe(0);
    expect(result.diagnostics).toEqual([]);
  });

  it('exits 1 on a missing image, printed relative to the working directory at its line', async () => {
    const cwd = makeTree({ ...cleanSite(), 'content/fr/b.md': guide('B', '\n![shot](/img/nope.png)\n'), 'content/en/b.md': guide('B en') });
    const result = await runCheck({ ...base, cwd, root: 'content' });
    expect(result.code).toBe(1);
    expect(result.diagnostics.map((d) => [path.relative(cwd, d.file), d.line, d.ruleId])).toEqual([['content/fr/b.md', 15, 'content/missing-image']]);
    expect(result.output).toContain('content/fr/b.md');
    expect(result.output).toMatch(/15:1.*error.*content\/missing-image/);
  });

  it('prints json, sarif and github reports', async () => {
    const cwd = makeTree({ ...cleanSite(), 'content/fr/b.md': guide('B', '\n![shot](/img/nope.png)\n'), 'content/en/b.md': guide('B en') });
    const json = JSON.parse((await runCheck({ ...base, cwd, reporter: 'json' })).output) as unknown;
    expect(JSON.stringify(json)).toContain('"content/fr/b.md"');
    const sarif = JSON.parse((await runCheck({ ...base, cwd, reporter: 'sarif' })).output) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results.map((r) => r.ruleId)).toEqual(['content/missing-image']);
    const github = (await runCheck({ ...base, cwd, reporter: 'github' })).output;
    expect(github).toMatch(/^::error file=content\/fr\/b\.md,line=15,col=1/m);
  });

  it('applies --quiet and --max-warnings to warnings', async () => {
    // A French guide with no English translation, while the site has English: one warning.
    const cwd = makeTree({ ...cleanSite(), 'content/fr/c.md': guide('C') });
    const plain = await runCheck({ ...base, cwd });
    expect(plain.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['content/missing-translation', 'warning']]);
    expect(plain.code).toBe(0);
    expect((await runCheck({ ...base, cwd, maxWarnings: 0 })).code).toBe(1);
    expect((await runCheck({ ...base, cwd, maxWarnings: 1 })).code).toBe(0);
    const quiet = await runCheck({ ...base, cwd, quiet: true, maxWarnings: 0 });
    expect(quiet.diagnostics).toEqual([]);
    expect(quiet.code).toBe(0);
  });

  it('applies configured rule severities', async () => {
    const site = { ...cleanSite(), 'content/fr/c.md': guide('C') };
    const upgraded = makeTree({ ...site, 'guidekit.config.json': '{ "rules": { "content/missing-translation": "error" } }' });
    const up = await runCheck({ ...base, cwd: upgraded });
    expect(up.code).toBe(1);
    expect(up.diagnostics.map((d) => d.severity)).toEqual(['error']);
    const silenced = makeTree({ ...site, 'guidekit.config.json': '{ "rules": { "missing-translation": "off" } }' });
    expect((await runCheck({ ...base, cwd: silenced })).diagnostics).toEqual([]);
  });

  it('honours inline guidekit-disable comments', async () => {
    const cwd = makeTree({
      ...cleanSite(),
      'content/fr/b.md': guide('B', '\n<!-- guidekit-disable-next-line content/missing-image -->\n![shot](/img/nope.png)\n\n![shot](/img/gone.png)\n'),
      'content/en/b.md': guide('B en'),
    });
    const result = await runCheck({ ...base, cwd });
    expect(result.diagnostics.map((d) => [d.line, d.ruleId])).toEqual([[18, 'content/missing-image']]);
  });

  it('uses contentRoot from the configuration when no root is given, and --config when given', async () => {
    const cwd = makeTree({
      'site/fr/a.md': guide('A', '\n![shot](/img/missing.png)\n'),
      'site/static/img/x.png': 'png',
      'guidekit.config.json': '{ "contentRoot": "site" }',
      'other.json': '{ "contentRoot": "site", "rules": { "missing-image": "off" } }',
    });
    expect((await runCheck({ ...base, cwd })).code).toBe(1);
    expect((await runCheck({ ...base, cwd, root: 'site', config: 'other.json' })).code).toBe(0);
  });

  it('writes the report to --output instead of returning it', async () => {
    const cwd = makeTree({ ...cleanSite(), 'content/fr/c.md': guide('C') });
    const result = await runCheck({ ...base, cwd, reporter: 'json', output: 'reports/check.json' });
    expect(result.output).toBe('');
    const written = JSON.parse(readFileSync(path.join(cwd, 'reports/check.json'), 'utf8')) as unknown;
    expect(JSON.stringify(written)).toContain('content/missing-translation');
  });

  it('exits 2 on an invalid configuration, with the key placed', async () => {
    const cwd = makeTree({ ...cleanSite(), 'guidekit.config.json': '{\n  "sourceLocal": "fr"\n}\n' });
    const result = await runCheck({ ...base, cwd, root: 'content' });
    expect(result.code).toBe(2);
    expect(result.diagnostics.map((d) => [path.relative(cwd, d.file), d.line, d.column, d.ruleId])).toEqual([['guidekit.config.json', 2, 3, 'config/invalid']]);
    expect(result.output).toContain('sourceLocal');
    // Without a root, the configuration is read first: same answer.
    expect((await runCheck({ ...base, cwd })).code).toBe(2);
  });

  it('throws a UsageError for an unknown reporter, a missing folder or a missing config file', async () => {
    const cwd = makeTree(cleanSite());
    await expect(runCheck({ ...base, cwd, reporter: 'xml' })).rejects.toThrow(UsageError);
    await expect(runCheck({ ...base, cwd, root: 'nowhere' })).rejects.toThrow(/expected a folder of guides/);
    await expect(runCheck({ ...base, cwd, config: 'nope.json' })).rejects.toThrow(UsageError);
    await expect(runCheck({ ...base, cwd, maxWarnings: 1.5 })).rejects.toThrow(UsageError);
  });

  it('uses the parse cache unless told not to', async () => {
    const cwd = makeTree({ ...cleanSite(), 'node_modules/.keep': '' });
    await runCheck({ cwd });
    expect(existsSync(path.join(cwd, 'node_modules/.cache/guidekit'))).toBe(true);
  });
});

describe('main', () => {
  it('maps usage errors to exit 2 and --help to 0', async () => {
    const cwd = makeTree(cleanSite());
    const missing = path.join(cwd, 'nowhere');
    const errors: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => {
      errors.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    const out = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await main(['check', missing])).toBe(2);
      expect(errors.join('')).toMatch(/is not a folder, expected a folder of guides/);
      expect(await main(['check', '--bogus'])).toBe(2);
      expect(await main(['check', '--reporter', 'xml', cwd])).toBe(2);
      expect(errors.join('')).toMatch(/Allowed choices are stylish, json, sarif, github/);
      expect(await main(['check', '--max-warnings', 'many', cwd])).toBe(2);
      expect(await main(['check', '--help'])).toBe(0);
      expect(await main(['check', '--no-cache', path.join(cwd, 'content')])).toBe(0);
    } finally {
      process.stderr.write = write;
      process.stdout.write = out;
    }
  });
});
