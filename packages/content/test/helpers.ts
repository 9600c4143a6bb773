import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * Write a temporary file tree from an inline object (`{ 'fr/a.md': '...' }`) and remove it when
 * the test finishes.
 */
export function makeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'guidekit-content-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

/** A small guide of our own (never corpus text) with one step and an optional image. */
export function guide(title: string, options: { image?: string; frontmatter?: string; step?: string } = {}): string {
  const fm = options.frontmatter ? `\n${options.frontmatter}` : '';
  const image = options.image ? `\n\n![screen](${options.image})` : '';
  return `---\ntitle: "${title}"${fm}\n---\n\n##### Introduction\n\nA short text about ${title}.\n\n---\n\n##### ${options.step ?? 'Step 1: Open the console'}\n\nClick the button.${image}\n`;
}
