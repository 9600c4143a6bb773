import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBuild, summaryLine } from '../src/commands/build.js';
import { main } from '../src/cli.js';
import { UsageError } from '../src/usage.js';
import { captureStderr, listTree, tempTree, tutorial, tutorials, writeTree } from './build-helpers.js';

// The page formats these tests count files of; `data`, also built by default, has its own tests.
const PAGES = 'html,single,json,md,jsonld';

describe('runBuild', () => {
  test('builds, reports paths relative to cwd, prints the summary line, exits 0', async () => {
    const dir = tempTree({ ...tutorials(2), 'content/fr/seul.md': tutorial('fr', 9) });
    const { code, output, messages, result } = await runBuild({
      cwd: dir,
      root: 'content',
      formats: PAGES,
    });
    expect(code).toBe(0);
    expect(result?.guides).toBe(5);
    // The French-only guide is a warning, printed with its path from the working directory.
    expect(output).toContain(path.join('content', 'fr', 'seul.md'));
    expect(output).toContain('content/missing-translation');
    expect(messages).toHaveLength(1);
    // 5 guides × 5 formats, 3 HTML indexes, the JSON index, the copied image, the site's stylesheet and the search index.
    const search = listTree(path.join(dir, 'dist')).filter((f) => f.startsWith('html/pagefind/')).length;
    expect(search).toBeGreaterThan(0);
    expect(messages[0]?.replace(/in \d+\.\ds$/, 'in <time>')).toBe(`built 5 guides × 5 formats: ${31 + search} files written, 0 unchanged in <time>`);
    expect(fs.existsSync(path.join(dir, 'dist/html/index.html'))).toBe(true);
    const again = await runBuild({ cwd: dir, root: 'content', formats: PAGES });
    expect(again.messages[0]?.replace(/in \d+\.\ds$/, 'in <time>')).toBe(`built 5 guides × 5 formats: 0 files written, ${31 + search} unchanged in <time>`);
  });

  test('the root defaults to ./content and the output to ./dist', async () => {
    const dir = tempTree(tutorials(1));
    const { code } = await runBuild({ cwd: dir, formats: 'json' });
    expect(code).toBe(0);
    expect(listTree(path.join(dir, 'dist'))).toEqual(['.guidekit/manifest.json', 'json/en/service-1.json', 'json/fr/service-1.json', 'json/index.json']);
  });

  test('the configuration gives the output folder and the formats; --format and --out win', async () => {
    const dir = tempTree({
      ...tutorials(1),
      'guidekit.config.json': JSON.stringify({ out: 'public', formats: ['md'] }),
    });
    await runBuild({ cwd: dir, root: 'content' });
    expect(listTree(path.join(dir, 'public')).filter((f) => !f.startsWith('.guidekit'))).toEqual(['md/en/service-1.md', 'md/fr/service-1.md']);
    await runBuild({ cwd: dir, root: 'content', out: 'elsewhere', formats: 'jsonld' });
    expect(listTree(path.join(dir, 'elsewhere')).filter((f) => !f.startsWith('.guidekit'))).toEqual(['jsonld/en/service-1.json', 'jsonld/fr/service-1.json']);
  });

  test('an error in content exits 1; the json reporter prints parsable diagnostics', async () => {
    const dir = tempTree({
      ...tutorials(1),
      'guidekit.config.json': JSON.stringify({ rules: { 'content/missing-translation': 'error' } }),
      'content/fr/seul.md': tutorial('fr', 3),
    });
    const { code, output } = await runBuild({
      cwd: dir,
      root: 'content',
      reporter: 'json',
      formats: 'json',
    });
    expect(code).toBe(1);
    const printed = JSON.parse(output) as { ruleId: string; severity: string }[];
    expect(printed.map((d) => [d.ruleId, d.severity])).toContainEqual(['content/missing-translation', 'error']);
  });

  test('an invalid configuration exits 2 and writes nothing', async () => {
    const dir = tempTree({
      ...tutorials(1),
      'guidekit.config.json': JSON.stringify({ sourceLocal: 'fr' }),
    });
    const { code, output } = await runBuild({ cwd: dir, root: 'content' });
    expect(code).toBe(2);
    expect(output).toContain('config/invalid');
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('usage errors: unknown format, unknown reporter, missing root, empty format list', async () => {
    const dir = tempTree(tutorials(1));
    await expect(runBuild({ cwd: dir, formats: 'html,epub' })).rejects.toThrow(UsageError);
    await expect(runBuild({ cwd: dir, formats: 'html,epub' })).rejects.toThrow(/Unexpected format `epub`/);
    await expect(runBuild({ cwd: dir, reporter: 'xml' })).rejects.toThrow(/Unexpected reporter `xml`/);
    await expect(runBuild({ cwd: dir, root: 'nowhere' })).rejects.toThrow(/is not a folder/);
    await expect(runBuild({ cwd: dir, formats: ' , ' })).rejects.toThrow(/empty --format/);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('pdf without a Chromium: exit 2 with how to get one, and the other formats are built', async () => {
    const dir = tempTree(tutorials(1));
    const saved = process.env['GUIDEKIT_CHROMIUM'];
    process.env['GUIDEKIT_CHROMIUM'] = path.join(dir, 'no-such-chromium');
    try {
      const { code, messages } = await runBuild({ cwd: dir, root: 'content', formats: 'json,pdf' });
      expect(code).toBe(2);
      expect(messages[0]).toMatch(/^guidekit-docs build: pdf skipped: .*apt-get install chromium/);
      expect(messages[1]).toMatch(/^built 2 guides × 1 format: 3 files written/);
    } finally {
      if (saved === undefined) delete process.env['GUIDEKIT_CHROMIUM'];
      else process.env['GUIDEKIT_CHROMIUM'] = saved;
    }
    expect(listTree(path.join(dir, 'dist')).filter((f) => !f.startsWith('.guidekit/'))).toEqual([
      'json/en/service-1.json',
      'json/fr/service-1.json',
      'json/index.json',
    ]);
  });

  test('through main: an unknown format exits 2', async () => {
    const dir = tempTree(tutorials(1));
    const stderr = await captureStderr(async () => {
      expect(await main(['build', path.join(dir, 'content'), '--out', path.join(dir, 'dist'), '--format', 'epub'])).toBe(2);
    });
    expect(stderr).toContain('Unexpected format `epub`');
  });

  test('through main: --json-indent indents the JSON files; a bad value exits 2', async () => {
    const dir = tempTree(tutorials(1));
    const out = path.join(dir, 'dist');
    const file = path.join(out, 'json/fr/service-1.json');
    const stderr = await captureStderr(async () => {
      expect(await main(['build', path.join(dir, 'content'), '--out', out, '--format', 'json'])).toBe(0);
      const compact = fs.readFileSync(file, 'utf8');
      expect(compact.split('\n')).toHaveLength(2);
      expect(await main(['build', path.join(dir, 'content'), '--out', out, '--format', 'json', '--json-indent', '4'])).toBe(0);
      const indented = fs.readFileSync(file, 'utf8');
      expect(indented.startsWith('{\n    "slug": "service-1"')).toBe(true);
      expect(JSON.parse(indented)).toEqual(JSON.parse(compact));
      expect(await main(['build', path.join(dir, 'content'), '--out', out, '--format', 'json', '--json-indent', 'two'])).toBe(2);
      expect(await main(['build', path.join(dir, 'content'), '--out', out, '--format', 'json', '--json-indent', '11'])).toBe(2);
      expect(await main(['build', path.join(dir, 'content'), '--out', out, '--format', 'json', '--max-warnings', 'many'])).toBe(2);
    });
    expect(stderr).toContain("argument 'two' is invalid. expected a whole number from 0 (compact) to 10");
    expect(stderr).toContain("argument '11' is invalid");
    expect(stderr).toContain("argument 'many' is invalid. expected a whole number (or -1 for no limit)");
  });

  test('through main: --site-url and --site-title publish absolute URLs, a sitemap and a title; bad values exit 2', async () => {
    const dir = tempTree(tutorials(1));
    const out = path.join(dir, 'dist');
    const stderr = await captureStderr(async () => {
      const args = ['build', path.join(dir, 'content'), '--out', out, '--format', 'html,jsonld'];
      expect(await main([...args, '--site-url', 'https://guides.example.org', '--site-title', ' Nos guides '])).toBe(0);
      expect(fs.readFileSync(path.join(out, 'html/fr/service-1/index.html'), 'utf8')).toContain(
        '<link rel="canonical" href="https://guides.example.org/fr/service-1/">',
      );
      expect(fs.readFileSync(path.join(out, 'html/index.html'), 'utf8')).toContain('<h1>Nos guides</h1>');
      expect(fs.readFileSync(path.join(out, 'html/sitemap.xml'), 'utf8')).toContain('<loc>https://guides.example.org/fr/service-1/</loc>');
      expect(JSON.parse(fs.readFileSync(path.join(out, 'jsonld/fr/service-1.json'), 'utf8')).url).toBe('https://guides.example.org/fr/service-1/');
      expect(await main([...args, '--site-url', '/docs/'])).toBe(2);
      expect(await main([...args, '--site-url', 'ftp://guides.example.org/'])).toBe(2);
      expect(await main([...args, '--site-title', '   '])).toBe(2);
    });
    expect(stderr).toContain("argument '/docs/' is invalid. expected an absolute http:// or https:// URL such as https://example.org/docs/");
    expect(stderr).toContain("argument 'ftp://guides.example.org/' is invalid");
    expect(stderr).toContain("argument '   ' is invalid. expected the name of the site");
  });

  test('a site URL in the configuration that is not absolute stops the build with a positioned error (exit 2)', async () => {
    const dir = tempTree({
      ...tutorials(1),
      'content/guidekit.config.json': '{\n  "site": { "url": "docs.example.org" }\n}\n',
    });
    const result = await runBuild({ cwd: dir, root: 'content', formats: PAGES });
    expect(result.code).toBe(2);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        ruleId: 'config/invalid',
        message: expect.stringContaining('absolute http:// or https:// URL'),
      }),
    ]);
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a changed guide: the summary counts what was written', async () => {
    const dir = tempTree(tutorials(2));
    await runBuild({ cwd: dir, root: 'content', formats: PAGES });
    writeTree(dir, { 'content/en/service-2.md': tutorial('en', 2, 'One more sentence.') });
    const { result } = await runBuild({ cwd: dir, root: 'content', formats: PAGES });
    // The search index is rebuilt too (its own tests pin it): left out here.
    const written = [...(result?.written ?? [])].filter((f) => !f.startsWith('html/pagefind/')).sort();
    expect(written).toEqual(['html/en/service-2/index.html', 'json/en/service-2.json', 'json/index.json', 'md/en/service-2.md', 'single/en/service-2.html']);
    expect(summaryLine({ ...(result as NonNullable<typeof result>), written, unchanged: 20, removed: [], durationMs: 1234 })).toBe(
      'built 4 guides × 5 formats: 5 files written, 20 unchanged in 1.2s',
    );
  });
});
