import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/** The built entry of this package, `dist/index.js` (rebuilt when stale by test/global-setup.ts). */
export const builtEntry: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.js');

/**
 * Load a tree with the built package in a plain node process, as users run it.
 *
 * @returns The load's stats and its guides, translations and diagnostics as JSON text.
 */
export function loadInNode(root: string, options: { cache: string | false }): { stats: Record<string, number>; snap: string } {
  const script = `
    const { loadContent } = await import(${JSON.stringify(pathToFileURL(builtEntry).href)});
    const c = await loadContent(${JSON.stringify(root)}, ${JSON.stringify(options)});
    process.stdout.write(JSON.stringify({ stats: c.stats, snap: JSON.stringify({ guides: c.guides, translations: c.translations, diagnostics: c.diagnostics }) }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, maxBuffer: 1 << 28 }).toString());
}
