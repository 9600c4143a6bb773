import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { claimsToRun, codeBlocksOf } from '../src/markdown.js';
import { runModule } from '../src/run.js';
import { readmeFiles, workspaceRoot } from '../src/workspace.js';

// The convention (tests/install/README.md): a ```ts / ```js block of a README is a program a
// reader can paste and run; a block that only illustrates (placeholders, a config file's shape, a
// host's config) says so with `norun` in its info string (```ts norun). The root README's blocks
// run here, at the repository root after set-up, where its reader runs them; the packages'
// READMEs' blocks run in the project that installed the tarballs (install.test.ts).
const rootReadme = path.join(workspaceRoot, 'README.md');
const blocks = readmeFiles().filter((file) => file === rootReadme).flatMap((file) => codeBlocksOf(file)).filter(claimsToRun);

describe('the root README\'s code blocks run at the repository root', () => {
  test('the root README\'s "Use as data" block is among them', () => {
    expect(blocks.some((b) => b.heading === 'Use as data')).toBe(true);
  });

  test.each(blocks.map((b) => [`${path.relative(workspaceRoot, b.file)}:${b.line}`, b] as const))('%s', (_where, block) => {
    const result = runModule(block.code, workspaceRoot);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
