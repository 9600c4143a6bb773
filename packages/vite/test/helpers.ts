import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import type { Guide } from '@guidekit/model';

/** packages/vite */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The monorepo root. */
export const repoRoot = path.resolve(packageRoot, '../..');

/**
 * A temporary folder inside this package (so `node_modules` resolution of `@guidekit/model`
 * and `vite` works from it), removed when the test ends.
 */
export function tempDir(files: Record<string, string> = {}): string {
  const base = path.join(packageRoot, 'test', '.tmp');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(path.join(base, 'case-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const pos = (line: number) => ({ start: { line, column: 1 }, end: { line, column: 10 } });

/** A small hand-made guide, valid against the model (tests of the generator need no parser). */
export function makeGuide(slug: string, locale: string, title: string, steps = 2): Guide {
  return {
    slug,
    locale,
    path: `${locale}/${slug}.md`,
    format: 'md',
    frontmatter: { title, extra: {} },
    title,
    kind: steps > 0 ? 'tutorial' : 'article',
    sections: [],
    prerequisites: [],
    steps: Array.from({ length: steps }, (_, i) => ({
      number: i + 1,
      label: String(i + 1),
      id: `step-${i + 1}`,
      title: `${title} ${i + 1}`,
      depth: 5,
      blocks: [{ type: 'paragraph', children: [{ type: 'text', value: `Do ${i + 1}` }], position: pos(i + 3) }],
      images: [],
      links: [],
      code: [],
      uiLabels: [],
      hash: `h${i}`,
      position: pos(i + 2),
    })),
    sources: [],
    hash: `${slug}-${locale}`,
  };
}
