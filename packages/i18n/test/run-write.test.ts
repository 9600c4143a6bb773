import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ack, scaffold, stamp } from '../src/index.js';

const quick = { cache: false, history: false } as const;

const fr = `---
title: "Guide d'essai"
---

##### Étape 1 : Ouvrir le portail
Ouvrez le portail et connectez-vous.

##### Étape 2 : Créer la ressource
Cliquez sur *<u>Create</u>* puis attendez 5 minutes.
`;

const en = `---
title: "Trial guide"
---

##### Step 1: Open the portal
Open the portal and sign in.

##### Step 2: Create the resource
Click *<u>Create</u>* then wait 5 minutes.
`;

/** A temporary folder holding `files`; removed when the test finishes. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guidekit-i18n-write-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('ack(root, { steps })', () => {
  it('refuses a step the source does not have with an i18n/run diagnostic, writing nothing', async () => {
    const dir = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': en });
    const file = path.join(dir, 'content/en/guide.md');
    const { diagnostics, result } = await ack(path.join(dir, 'content'), { ...quick, cwd: dir, file: 'content/en/guide.md', steps: ['step-1', '9'] });
    expect(diagnostics.map((d) => [d.ruleId, d.file, d.message])).toEqual([
      ['i18n/run', file, "Unexpected step `step-9`, expected one of the source's steps: step-1, step-2"],
    ]);
    expect(result.acknowledged).toEqual([]);
    expect(result.written).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(en);
  });

  it('acknowledges a stale step the source has', async () => {
    const dir = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': en });
    expect((await stamp(path.join(dir, 'content'), { ...quick, cwd: dir })).diagnostics).toEqual([]);
    writeFileSync(path.join(dir, 'content/fr/guide.md'), fr.replace('attendez 5 minutes', 'attendez 5 minutes avant de continuer'));
    const { diagnostics, result } = await ack(path.join(dir, 'content'), { ...quick, cwd: dir, file: 'content/en/guide.md', steps: ['2'] });
    expect(diagnostics).toEqual([]);
    expect(result.acknowledged).toEqual(['step-2']);
    expect(readFileSync(path.join(dir, 'content/en/guide.md'), 'utf8')).toMatch(/acknowledged:/);
  });
});

describe('scaffold(root, { file }) with no content tree', () => {
  it('scaffolds a guide from its own text when the root is no folder, in the source locale given', async () => {
    const dir = tree({ 'drafts/guide.md': fr });
    const { diagnostics, result } = await scaffold(path.join(dir, 'content'), {
      ...quick,
      cwd: dir,
      file: 'drafts/guide.md',
      to: 'en',
      sourceLocale: 'fr',
      out: 'out/guide.md',
    });
    expect(diagnostics).toEqual([]);
    expect(result.written.map((w) => w.file)).toEqual([path.join(dir, 'out/guide.md')]);
    const text = readFileSync(path.join(dir, 'out/guide.md'), 'utf8');
    expect(text).toContain('##### Step 1: Ouvrir le portail\n');
    expect(text).toContain('##### Step 2: Créer la ressource\n');
    expect(text).toContain('translationOf:');
  });

  it('says so when the source guide is missing, and refuses an existing out', async () => {
    const dir = tree({ 'drafts/guide.md': fr, 'out/guide.md': 'kept' });
    const missing = await scaffold(path.join(dir, 'nowhere'), { ...quick, cwd: dir, file: 'drafts/none.md', to: 'en' });
    expect(missing.diagnostics.map((d) => [d.ruleId, d.message])).toEqual([
      ['i18n/run', 'No file `drafts/none.md`: expected the source guide to scaffold, a Markdown file'],
    ]);
    const refused = await scaffold(path.join(dir, 'nowhere'), { ...quick, cwd: dir, file: 'drafts/guide.md', to: 'en', out: 'out/guide.md' });
    expect(refused.diagnostics.map((d) => d.message)).toEqual(['Unexpected existing file `out/guide.md`, expected a new file (or force)']);
    expect(readFileSync(path.join(dir, 'out/guide.md'), 'utf8')).toBe('kept');
  });
});
