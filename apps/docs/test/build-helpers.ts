import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { onTestFinished } from 'vitest';

/** A file tree as an object: path → text or bytes. */
export type Tree = Record<string, string | Uint8Array>;

/** Write `tree` into a fresh temporary folder, removed when the test finishes. */
export function tempTree(tree: Tree): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guidekit-docs-build-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  writeTree(dir, tree);
  return dir;
}

/** Write (or overwrite) the files of `tree` under `dir`. */
export function writeTree(dir: string, tree: Tree): void {
  for (const [rel, data] of Object.entries(tree)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
}

/** Every file under `dir` (POSIX, relative), sorted. */
export function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join((e as unknown as { parentPath: string }).parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** A 1×1 PNG, written by hand for these tests. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A tutorial of our own, numbered `n`, in French or English, with `note` in its introduction
 * (change it to make the guide change).
 */
export function tutorial(locale: 'fr' | 'en', n: number, note = ''): string {
  const fr = locale === 'fr';
  return `---
title: "${fr ? 'Configurer le service' : 'Configure service'} ${n}"
description: "${fr ? 'Réglage pas à pas du service' : 'Step-by-step setup of service'} ${n}."
date: 2026-02-${String((n % 27) + 1).padStart(2, '0')}T08:00:00+01:00
---

##### Introduction

${fr ? 'Ce guide règle le service' : 'This guide sets up service'} ${n}. ${note}

---

##### ${fr ? 'Étape 1 : Ouvrir la console' : 'Step 1: Open the console'}

${fr ? 'Ouvrez' : 'Open'} *<u>${fr ? 'Console' : 'Console'}</u>*.

![image](/images/svc/shot.png)

---

##### ${fr ? 'Étape 2 : Lancer le script' : 'Step 2: Run the script'}

\`\`\`powershell
Set-Service -Name "svc${n}" -StartupType Automatic
Get-Service -Name "svc${n}" | Format-List
\`\`\`

---

##### Conclusion

${fr ? 'Le service démarre seul.' : 'The service starts on its own.'}
`;
}

/** `count` tutorials in French and English, and the image they show. */
export function tutorials(count: number, note = ''): Tree {
  const tree: Tree = { 'content/static/images/svc/shot.png': PNG };
  for (let n = 1; n <= count; n++) {
    tree[`content/fr/service-${n}.md`] = tutorial('fr', n, note);
    tree[`content/en/service-${n}.md`] = tutorial('en', n, note);
  }
  return tree;
}

/** Run `body` with stderr captured (not shown), and return what was written to it. */
export async function captureStderr(body: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => (chunks.push(String(chunk)), true)) as typeof process.stderr.write;
  try {
    await body();
  } finally {
    process.stderr.write = write;
  }
  return chunks.join('');
}
