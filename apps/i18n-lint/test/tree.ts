import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** Make a temporary file tree from an inline object; removed when the test finishes. */
export function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'guidekit-i18n-cli-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}

export const fr = `---
title: "Guide d'essai"
date: 2025-01-01T00:00:00Z
---

##### Étape 1 : Ouvrir le portail
Ouvrez le portail et connectez-vous avec votre compte.

![image](/images/a.png)

##### Étape 2 : Créer la ressource
Cliquez sur *<u>Create</u>* puis attendez 5 minutes.
`;

export const en = `---
title: "Trial guide"
date: 2025-01-01T00:00:00Z
---

##### Step 1: Open the portal
Open the portal and sign in with your account.

![image](/images/b.png)

##### Step 2: Create the resource
Click *<u>Create</u>* then wait 5 minutes.
`;
