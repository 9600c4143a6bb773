import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@guidekit/content';
import { computeStatus, lintContent, renderStatusHtml, stampText } from '../src/index.js';
import { git, tree, write } from './helpers/tree.js';

const fr = (step1: string, step3: string) => `---
title: "Guide d'essai"
date: 2025-01-01T00:00:00Z
---

##### Étape 1 : Ouvrir le portail
${step1}

##### Étape 2 : Créer la ressource
Cliquez sur *<u>Create</u>* pour créer la ressource.

##### Étape 3 : Vérifier
${step3}

##### Étape 4 : Terminer
Fermez la fenêtre.
`;

const en = `---
title: "Trial guide"
date: 2025-01-01T00:00:00Z
---

##### Step 1: Open the portal
Open the *Azure* portal and sign in with your account.

##### Step 2: Create the resource
Click *<u>Create</u>* to create the resource.

##### Step 3: Check
Check that the resource shows up in the list.

##### Step 4: Finish
Close the window.
`;

const step1 = 'Ouvrez le portail *Azure* et connectez-vous avec votre compte.';
// The same step re-wrapped and with another emphasis style: not a change of content.
const step1Reformatted = 'Ouvrez le portail _Azure_ et\nconnectez-vous   avec votre compte.';
const step3 = 'Vérifiez que la ressource apparaît dans la liste.';
const step3Changed = 'Vérifiez que la ressource apparaît dans la liste, puis notez son identifiant.';

async function load(root: string) {
  return loadContent(path.join(root, 'content'), { cache: false, workers: 0, cwd: root });
}

describe('status from git history', () => {
  it('reports exactly the changed step stale, then up to date after stamp', async () => {
    const root = tree({ 'content/fr/guide.md': fr(step1, step3), 'content/en/guide.md': en });
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'source and translation');
    write(root, { 'content/fr/guide.md': fr(step1Reformatted, step3Changed) });
    git(root, 'commit', '-q', '-am', 'source: step 3 changed, step 1 reformatted');

    const content = await load(root);
    const status = computeStatus(content, { withText: true });
    expect(status.guides).toHaveLength(1);
    const row = status.guides[0]!;
    expect(row.state).toBe('stale');
    expect(row.origin).toBe('git');
    expect(row.stale.map((unit) => unit.key)).toEqual(['step-3']);
    expect(row.stale[0]!.then).toContain(step3);
    expect(row.stale[0]!.now).toContain(step3Changed);
    expect(status.locales).toEqual([{ locale: 'en', total: 1, upToDate: 0, stale: 1, untranslated: 0, missing: 0, orphan: 0, unknown: 0, completion: 0 }]);

    // The linter sees the same thing, on the translation's step 3, related to the source's.
    const stale = lintContent(content).filter((d) => d.ruleId === 'i18n/stale-step');
    expect(stale.map((d) => [d.file, d.line, d.related?.file, d.related?.line])).toEqual([['en/guide.md', 12, 'fr/guide.md', 13]]);

    const dashboard = renderStatusHtml(status);
    expect(dashboard).toContain('step-3');
    expect(dashboard).toContain('notez son identifiant');
    expect(dashboard).not.toMatch(/<script/i);

    // Stamp the translation: the stamp wins over history, and the guide is up to date.
    const file = path.join(root, 'content/en/guide.md');
    const source = content.translations[0]!.source!;
    writeFileSync(file, stampText(readFileSync(file, 'utf8'), source));
    const after = computeStatus(await load(root));
    expect(after.guides[0]).toMatchObject({ state: 'up-to-date', origin: 'stamp', stale: [] });
    expect(after.locales[0]!.completion).toBe(100);
  });

  it('is unknown with neither a stamp nor history, and reports missing and orphan guides', async () => {
    const root = tree({
      'content/fr/guide.md': fr(step1, step3),
      'content/en/guide.md': en,
      'content/fr/only-french.md': '##### Étape 1 : A\nTexte.\n',
      'content/en/only-english.md': '##### Step 1: A\nText.\n',
    });
    const status = computeStatus(await load(root), { history: false });
    expect(status.guides.map((row) => [row.slug, row.state])).toEqual([
      ['guide', 'unknown'],
      ['only-english', 'orphan'],
      ['only-french', 'missing'],
    ]);
    expect(status.locales[0]).toMatchObject({ total: 2, unknown: 1, missing: 1, orphan: 1, completion: 0 });
  });
});
