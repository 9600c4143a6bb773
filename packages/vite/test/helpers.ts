import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
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
      blocks: [
        {
          type: 'paragraph',
          children: [{ type: 'text', value: `Do ${i + 1}` }],
          position: pos(i + 3),
        },
      ],
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

/**
 * Type-check `probe.ts` (written into `dir`) with the repository's strict compiler options, plus
 * any extra declaration files; returns the errors with their code and line.
 */
export function typeErrors(
  dir: string,
  probe: string,
  extraFiles: string[] = [],
): { code: number; line: number; text: string }[] {
  const file = path.join(dir, 'probe.ts');
  writeFileSync(file, probe);
  const program = ts.createProgram([file, ...extraFiles], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    customConditions: ['source'],
    target: ts.ScriptTarget.ES2022,
    // `@guidekit/model`'s sources use the global `URL` (Node and browsers both have it).
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    noEmit: true,
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    code: d.code,
    line:
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    text: `${d.file ? path.relative(dir, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  }));
}
