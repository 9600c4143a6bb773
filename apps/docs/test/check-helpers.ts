import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** A temporary file tree from an inline object, removed when the test finishes. */
export function makeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guidekit-check-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

/** A guide of our own with one step; `extra` goes after the step text. */
export function guide(title: string, extra = ''): string {
  return `---\ntitle: "${title}"\n---\n\n##### Introduction\n\nAbout ${title}.\n\n---\n\n##### Step 1: Open the panel\n\nClick the button.\n${extra}`;
}

/** A clean bilingual site: two guides, their translations, a static folder with the image. */
export function cleanSite(): Record<string, string> {
  return {
    'content/fr/a.md': guide('A', '\n![shot](/img/a.png)\n'),
    'content/en/a.md': guide('A en', '\n![shot](/img/a.png)\n'),
    'content/static/img/a.png': 'png',
  };
}
