import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ack, lint, scaffold, stamp, status } from '../src/index.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/docs');

/** A copy of the docs fixture (root-locale layout: English at the root, `fr/` beside it). */
function docsTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'guidekit-i18n-run-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  cpSync(fixture, root, { recursive: true });
  return root;
}

const translation = (root: string) => path.join(root, 'fr/guides/setup.mdx');
const edit = (root: string, from: string, to: string) => {
  const file = translation(root);
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
};

describe('lint(root, options)', () => {
  it('finds nothing in a faithful docs translation (root-locale layout, no per-file front matter)', async () => {
    const root = docsTree();
    const { diagnostics, result } = await lint(root, { cache: false, history: false });
    expect(diagnostics).toEqual([]);
    expect(result).toMatchObject({ root, sourceLocale: 'en', targetLocales: ['fr'], pairs: 1, configInvalid: false });
  });

  it('reports a changed command at its line, absolute paths, and honours inline directives', async () => {
    const root = docsTree();
    edit(root, 'npm create lighthouse@latest -- --template keeper', 'npm run create lighthouse@latest --template keeper');
    const { diagnostics } = await lint(root, { cache: false, history: false });
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.line, d.related?.line])).toEqual([['i18n/code-mismatch', translation(root), 15, 15]]);
    edit(root, '```sh\nnpm run', '{/* guidekit-disable i18n/code-mismatch -- the new command is intended */}\n\n```sh\nnpm run');
    expect((await lint(root, { cache: false, history: false })).diagnostics).toEqual([]);
  });

  it('takes per-rule options and per-path overrides from guidekit.config.json', async () => {
    const root = docsTree();
    edit(root, '// La configuration du gardien', '// La configuration du gardien (modifiée)');
    expect((await lint(root, { cache: false, history: false })).diagnostics).toEqual([]);
    const config = path.join(root, 'guidekit.config.json');
    writeFileSync(config, readFileSync(config, 'utf8').replace('"comments": "ignore"', '"comments": "compare"'));
    const { diagnostics } = await lint(root, { cache: false, history: false });
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['i18n/code-mismatch', 27]]);
  });

  it('lints a root-locale tree with only the source locale given, no configuration file (`--source en`)', async () => {
    const root = docsTree();
    rmSync(path.join(root, 'guidekit.config.json'));
    // A German page beside the French one (the French text with German links is enough here).
    const german = readFileSync(translation(root), 'utf8').replaceAll('/fr/', '/de/').replace('fr.wikipedia', 'de.wikipedia');
    cpSync(path.join(root, 'fr'), path.join(root, 'de'), { recursive: true });
    writeFileSync(path.join(root, 'de/guides/setup.mdx'), german);
    const { diagnostics, result } = await lint(root, { sourceLocale: 'en', cache: false, history: false });
    expect(diagnostics).toEqual([]);
    expect(result).toMatchObject({ sourceLocale: 'en', targetLocales: ['de', 'fr'], pairs: 2, configInvalid: false });
    edit(root, 'npm create lighthouse@latest -- --template keeper', 'npm run create lighthouse@latest --template keeper');
    const changed = await lint(root, { sourceLocale: 'en', cache: false, history: false });
    expect(changed.diagnostics.map((d) => [d.ruleId, d.file, d.line])).toEqual([['i18n/code-mismatch', translation(root), 15]]);
  });

  it('stops on an invalid configuration with its positioned errors', async () => {
    const root = docsTree();
    writeFileSync(path.join(root, 'guidekit.config.json'), '{ "sourceLocale": "en", "rules": { "i18n/code-mismatch": "eror" } }');
    const { diagnostics, result } = await lint(root, { cache: false, history: false });
    expect(result.configInvalid).toBe(true);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['config/invalid', 1, 58]]);
  });
});

describe('status, stamp, ack, scaffold', () => {
  it('stamps a translation named by its absolute path from another folder, then acks', async () => {
    const root = docsTree();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'guidekit-i18n-cwd-'));
    onTestFinished(() => rmSync(elsewhere, { recursive: true, force: true }));
    const stamped = await stamp(root, { files: [translation(root)], cwd: elsewhere, cache: false, history: false });
    expect(stamped.diagnostics).toEqual([]);
    expect(stamped.result.written.map((w) => w.file)).toEqual([translation(root)]);
    expect(readFileSync(translation(root), 'utf8')).toMatch(/translationOf:/);
    const again = await stamp(root, { files: [translation(root)], cwd: elsewhere, cache: false, history: false });
    expect(again.result.unchanged).toEqual([translation(root)]);
    const source = path.join(root, 'guides/setup.mdx');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Each slot holds one lamp.', 'Each slot holds one lamp and a spare.'));
    expect((await status(root, { cache: false, history: false })).result.report.guides[0]?.state).toBe('stale');
    const acked = await ack(root, { file: translation(root), cwd: elsewhere, cache: false, history: false });
    expect(acked.result.acknowledged.length).toBeGreaterThan(0);
    expect((await status(root, { cache: false, history: false })).result.report.guides[0]?.state).toBe('up-to-date');
  });

  it('a translation fresh from scaffold is untranslated until its prose differs', async () => {
    const root = docsTree();
    rmSync(translation(root));
    const made = await scaffold(root, { file: path.join(root, 'guides/setup.mdx'), to: 'fr', out: translation(root), cache: false, history: false });
    expect(made.diagnostics).toEqual([]);
    const row = async () => (await status(root, { cache: false, history: false })).result.report.guides[0]?.state;
    expect(await row()).toBe('untranslated');
    writeFileSync(translation(root), readFileSync(fixture + '/fr/guides/setup.mdx', 'utf8'));
    expect(await row()).not.toBe('untranslated');
    const refused = await scaffold(root, { file: path.join(root, 'guides/setup.mdx'), to: 'fr', out: translation(root), cache: false });
    expect(refused.diagnostics[0]?.message).toMatch(/^Unexpected existing file/);
  });
});
