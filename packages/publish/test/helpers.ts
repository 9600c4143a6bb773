import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onTestFinished } from 'vitest';
import { publish } from '../src/index.js';
import type { PublishOptions, PublishProgress } from '../src/index.js';

/** A file tree as an object: path → text or bytes. */
export type Tree = Record<string, string | Uint8Array>;

/** Write `tree` into a fresh temporary folder, removed when the test finishes. */
export function tempTree(tree: Tree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-build-test-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  writeTree(dir, tree);
  return dir;
}

/** Write (or overwrite) files of `tree` under `dir`. */
export function writeTree(dir: string, tree: Tree): void {
  for (const [rel, data] of Object.entries(tree)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
}

/** Every file under `dir` (POSIX, relative), sorted; `.guidekit/` left out unless asked. */
export function listTree(dir: string, withState = false): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join((e as unknown as { parentPath: string }).parentPath, e.name)).split(path.sep).join('/'))
    .filter((f) => withState || !f.startsWith('.guidekit/'))
    .sort();
}

/** Modification times of every file under `dir`, by path. */
export function mtimes(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of listTree(dir, true)) out[f] = fs.statSync(path.join(dir, f)).mtimeMs;
  return out;
}

/** A 1×1 PNG, written by hand for these tests. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A French tutorial with two steps, an image and a code block (our own text). */
export function frenchPrinter(title = 'Ajouter une imprimante réseau', extra = ''): string {
  return `---
title: "${title}"
description: "Installer une imprimante partagée sur un poste Windows."
date: 2026-03-02T09:00:00+01:00
categories: ["Windows"]
author: "Équipe test"
---

##### Introduction

Ce guide montre comment ajouter une imprimante partagée.${extra}

---

##### Prérequis

**<u>Droits nécessaires</u>**

- Un compte administrateur local

---

##### Étape 1 : Ouvrir les paramètres

Ouvrez *<u>Paramètres</u>* puis *<u>Imprimantes et scanners</u>*.

![image](/images/printer/p1.png)

---

##### Étape 2 : Ajouter le périphérique

Cliquez sur *<u>Ajouter un périphérique</u>* ou lancez la commande :

\`\`\`powershell
Add-Printer -ConnectionName "\\\\srv01\\Etage2"
\`\`\`

---

##### Conclusion

L'imprimante apparaît dans la liste.
`;
}

/** The English translation of {@link frenchPrinter}. */
export function englishPrinter(title = 'Add a network printer'): string {
  return `---
title: "${title}"
description: "Install a shared printer on a Windows computer."
date: 2026-03-02T09:00:00+01:00
categories: ["Windows"]
author: "Test team"
---

##### Introduction

This guide shows how to add a shared printer.

---

##### Prerequisites

**<u>Required rights</u>**

- A local administrator account

---

##### Step 1: Open the settings

Open *<u>Settings</u>* then *<u>Printers & scanners</u>*.

![image](/images/printer/p1.png)

---

##### Step 2: Add the device

Click *<u>Add device</u>* or run the command:

\`\`\`powershell
Add-Printer -ConnectionName "\\\\srv01\\Floor2"
\`\`\`

---

##### Conclusion

The printer shows in the list.
`;
}

/** A French article (no steps), with no translation. */
export function frenchNews(title = 'Nouveautés de mars'): string {
  return `---
title: "${title}"
description: "Ce qui change ce mois-ci."
date: 2026-03-10T09:00:00+01:00
---

##### Introduction

Trois petites nouveautés ce mois-ci.

---

##### Ce qui change

- Le portail affiche la date de mise à jour.
- Les exports sont plus rapides.
`;
}

/** The standard test tree: one tutorial in fr + en, one French-only article, one image. */
export function standardTree(): Tree {
  return {
    'content/fr/ajouter-imprimante.md': frenchPrinter(),
    'content/en/ajouter-imprimante.md': englishPrinter(),
    'content/fr/nouveautes-mars.md': frenchNews(),
    'content/static/images/printer/p1.png': PNG,
  };
}

/**
 * Publish `dir/content` into `dir/dist` (options over that), recording the units rendered, with
 * the diagnostics' paths made relative to the content root again for short assertions.
 */
export async function publishTree(dir: string, extra: PublishOptions = {}) {
  const units: string[] = [];
  const root = path.join(dir, 'content');
  const { diagnostics, result } = await publish(root, {
    out: path.join(dir, 'dist'),
    onProgress: (p: PublishProgress) => units.push(p.unit),
    ...extra,
  });
  const relative = diagnostics.map((d) => ({ ...d, file: path.relative(root, d.file).split(path.sep).join('/') }));
  return { result: { ...result, diagnostics: relative }, units: units.sort() };
}
