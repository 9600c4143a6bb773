import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAck, runLint, runScaffold, runStamp, runStatus, UsageError } from '../src/index.js';
import { en, fr, tree } from './tree.js';

const fixed = en.replace('/images/b.png', '/images/a.png');

describe('stamp, status, ack', () => {
  it('stamps a CRLF translation touching only the front matter, then reports it up to date', async () => {
    const crlf = fixed.replace('draft', 'draft').replace(/\n/g, '\r\n').replace('title: "Trial guide"', "title: 'Trial guide' # kept");
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': crlf });
    const file = path.join(root, 'content/en/guide.md');
    const before = await runStatus({ cwd: root, cache: false, history: false, reporter: 'json' });
    expect(JSON.parse(before.output).guides[0].state).toBe('unknown');

    const stamped = await runStamp({ cwd: root, files: ['content/en/guide.md'], cache: false });
    expect(stamped.written).toEqual([file]);
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\r\n');
    const start = lines.indexOf('translationOf:');
    const end = lines.indexOf('---', 1);
    // Removing the stamp lines gives the original bytes back.
    expect([...lines.slice(0, start), ...lines.slice(end)].join('\r\n')).toBe(crlf);
    expect(lines.slice(start, end).every((line) => !line.includes('\n'))).toBe(true);

    const after = await runStatus({ cwd: root, cache: false, history: false });
    expect(after.output).toContain('guide  up to date');
    expect(after.output).toContain('1/1 up to date (100%)');
    // A second stamp changes nothing.
    expect((await runStamp({ cwd: root, cache: false })).unchanged).toEqual([file]);
  });

  it('reports stale steps from the stamp, and ack accepts them', async () => {
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': fixed });
    await runStamp({ cwd: root, cache: false });
    writeFileSync(path.join(root, 'content/fr/guide.md'), fr.replace('attendez 5 minutes', 'attendez 5 minutes avant de continuer'));
    const stale = await runStatus({ cwd: root, cache: false, history: false });
    expect(stale.output).toContain('guide  stale (steps: 2)');
    const lint = await runLint({ cwd: root, cache: false, history: false, reporter: 'json' });
    expect(lint.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['i18n/stale-step', 17]]);
    expect(lint.code).toBe(0);

    await expect(runAck({ cwd: root, file: 'content/en/guide.md', steps: ['step-9'], cache: false })).rejects.toThrow(UsageError);
    const acked = await runAck({ cwd: root, file: 'content/en/guide.md', steps: ['2'], cache: false });
    expect(acked.acknowledged).toEqual(['step-2']);
    const after = await runStatus({ cwd: root, cache: false, history: false });
    expect(after.output).toContain('guide  up to date');
  });

  it('writes a self-contained HTML dashboard', async () => {
    const root = tree({ 'content/fr/guide.md': fr, 'content/en/guide.md': fixed, 'content/fr/other.md': fr });
    await runStatus({ cwd: root, cache: false, history: false, html: 'status.html' });
    const html = readFileSync(path.join(root, 'status.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('missing');
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });
});

describe('scaffold', () => {
  it('writes a skeleton that lints with no structural error', async () => {
    const root = tree({ 'content/fr/guide.md': fr });
    const result = await runScaffold({ cwd: root, file: 'content/fr/guide.md', to: 'en', out: 'content/en/guide.md', cache: false });
    expect(result.code).toBe(0);
    const skeleton = readFileSync(path.join(root, 'content/en/guide.md'), 'utf8');
    expect(skeleton).toContain('##### Step 2: Créer la ressource');
    expect(skeleton).toContain('translationOf:');
    const lint = await runLint({ cwd: root, cache: false, history: false });
    // The kept title `Guide d'essai` (two words, no French-only mark) passes as a possible name since b3c13c7.
    expect(new Set(lint.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['i18n/untranslated']));
    await expect(runScaffold({ cwd: root, file: 'content/fr/guide.md', to: 'en', out: 'content/en/guide.md', cache: false })).rejects.toThrow(UsageError);
  });
});

describe('ack and scaffold find the root from the file', () => {
  it('ack: an unknown step is a usage error naming the steps, the file untouched', async () => {
    const root = tree({ 'site/fr/guide.md': fr, 'site/en/guide.md': fixed });
    const file = path.join(root, 'site/en/guide.md');
    await expect(runAck({ cwd: os.tmpdir(), file, steps: ['7'], cache: false })).rejects.toThrow(
      new UsageError("Unexpected step `step-7`, expected one of the source's steps: step-1, step-2"),
    );
    expect(readFileSync(file, 'utf8')).toBe(fixed);
  });

  it('scaffold: a source given by absolute path from another folder, and a guide outside any tree', async () => {
    const root = tree({ 'site/fr/guide.md': fr, 'drafts/loose.md': fr });
    const out = path.join(root, 'site/en/guide.md');
    const made = await runScaffold({ cwd: os.tmpdir(), file: path.join(root, 'site/fr/guide.md'), to: 'en', out, cache: false });
    expect(made.output).toBe(
      `${path.relative(os.tmpdir(), out).split(path.sep).join('/')}: scaffolded from ${path.relative(os.tmpdir(), path.join(root, 'site/fr/guide.md')).split(path.sep).join('/')}\n`,
    );
    expect(readFileSync(out, 'utf8')).toContain('##### Step 1: Ouvrir le portail');
    const loose = await runScaffold({ cwd: path.join(root, 'drafts'), file: 'loose.md', to: 'en', from: 'fr', cache: false });
    expect(loose.code).toBe(0);
    expect(loose.output).toContain('##### Step 2: Créer la ressource');
    await expect(runScaffold({ cwd: root, file: 'drafts/none.md', to: 'en', cache: false })).rejects.toThrow(
      new UsageError('No file `drafts/none.md`: expected the source guide to scaffold, a Markdown file'),
    );
  });
});
