import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, runCheck } from '../src/index.js';
import { runMerge } from '../src/commands/merge.js';
import { listRules } from '../src/commands/rules.js';
import { cleanSite, guide, makeTree } from './check-helpers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

describe('guidekit-docs: one CLI grammar with guidekit-i18n', () => {
  it('prints usage errors as one line and where the help is', async () => {
    expect(await main(['check', '--reporter', 'xml'])).toBe(2);
    expect(err).toBe(
      "guidekit-docs check: option '-r, --reporter <name>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github.\nSee `guidekit-docs check --help`.\n",
    );
    err = '';
    expect(await main(['check', path.join(makeTree({}), 'nowhere')])).toBe(2);
    expect(err).toMatch(
      /^guidekit-docs check: Content root `.*nowhere` is not a folder, expected a folder of guides: `guidekit-docs check <root>`\nSee `guidekit-docs check --help`\.\n$/,
    );
  });

  it('says in a plain sentence that merge needs its shard folders', async () => {
    await expect(runMerge({ shards: [] })).rejects.toThrow('No shard folder given: expected the output folder of every `guidekit-docs build --shard i/n`');
  });

  it('has --color and --no-color, and the same help shape, on check and rules', async () => {
    for (const command of ['check', 'rules']) {
      out = '';
      expect(await main([command, '--help'])).toBe(0);
      for (const text of ['--color', '--no-color', '-h, --help', 'Exit codes: 0 no errors, 1 errors found']) expect(out).toContain(text);
    }
    const cwd = makeTree({ ...cleanSite(), 'content/fr/b.md': guide('B', '\n![shot](/img/nope.png)\n'), 'content/en/b.md': guide('B en') });
    expect(await main(['check', path.join(cwd, 'content'), '--no-cache', '--color'])).toBe(1);
    expect(out).toMatch(/\u001b\[31merror\u001b\[39m/);
    out = '';
    expect(await main(['check', path.join(cwd, 'content'), '--no-cache', '--no-color'])).toBe(1);
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('gives each rule its documentation URL in json, sarif and stylish', async () => {
    const cwd = makeTree({ ...cleanSite(), 'content/fr/b.md': guide('B', '\n![shot](/img/nope.png)\n'), 'content/en/b.md': guide('B en') });
    const url = 'https://github.com/guidekit/guidekit/blob/main/docs/rules/content/missing-image.md';
    const json = JSON.parse((await runCheck({ cwd, cache: false, reporter: 'json' })).output) as { url: string }[];
    expect(json[0]?.url).toBe(url);
    const sarif = JSON.parse((await runCheck({ cwd, cache: false, reporter: 'sarif' })).output) as {
      runs: { tool: { driver: { rules: { helpUri: string }[] } } }[];
    };
    expect(sarif.runs[0]?.tool.driver.rules[0]?.helpUri).toBe(url);
    expect((await runCheck({ cwd, cache: false })).output).toContain(`Rule docs:\n  content/missing-image  ${url}\n`);
  });

  it('lists every rule check and build can report, each with its URL', async () => {
    expect(await main(['rules'])).toBe(0);
    expect(out).toMatch(/^content\/missing-image +error +Every image a guide shows exists/m);
    out = '';
    expect(await main(['rules', '--json'])).toBe(0);
    const listed = new Set((JSON.parse(out) as { id: string; url: string }[]).map((rule) => rule.id));
    // Every rule id the packages behind check and build write down is listed (no silent drift).
    const written = new Set<string>();
    for (const pkg of ['parser', 'content', 'render', 'render-pdf', 'publish']) {
      const src = path.join(repo, 'packages', pkg, 'src');
      for (const file of readdirSync(src, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts'))) {
        for (const match of readFileSync(path.join(src, file), 'utf8').matchAll(/'((?:parse|frontmatter|content|config|render|pdf|build)\/[a-z-]+)'/g))
          written.add(match[1]!);
      }
    }
    // `render/reported` is a memo key of the renderer (`ctx.memo.get('render/reported')`), no rule.
    written.delete('render/reported');
    expect([...written].filter((id) => !listed.has(id))).toEqual([]);
    expect(listRules().every((rule) => rule.url?.endsWith(`docs/rules/${rule.id}.md`))).toBe(true);
  });

  it('lists each rule with the severity its documented, tested example reports', () => {
    // docs/rules/README.md is generated from the examples tests/rules runs (and the parser's own).
    const index = readFileSync(path.join(repo, 'docs/rules/README.md'), 'utf8');
    const documented = new Map([...index.matchAll(/^\| \[`([^`]+)`\]\([^)]*\) \| `[^`]+` \| (error|warning|info) \|/gm)].map((m) => [m[1]!, m[2]!]));
    const listed = listRules().filter((rule) => documented.has(rule.id));
    expect(listed.length).toBeGreaterThan(30);
    expect(listed.filter((rule) => rule.severity !== documented.get(rule.id)).map((rule) => [rule.id, rule.severity, documented.get(rule.id)])).toEqual([]);
  });
});
