import { lstatSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsToRun, codeBlocksOf } from '../src/markdown.js';
import { createInstalledProject, type InstalledProject } from '../src/project.js';
import { run, runModule } from '../src/run.js';
import { readmeFiles, workspaceRoot } from '../src/workspace.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixture');
let project: InstalledProject;

beforeAll(() => {
  project = createInstalledProject(fixture);
  console.log(`npm install of ${project.packed.size} tarballs: ${(project.installMs / 1000).toFixed(1)} s`);
});
afterAll(() => {
  if (project && !process.env.KEEP_INSTALL) rmSync(path.dirname(project.dir), { recursive: true, force: true });
});

const bin = (name: string) => path.join(project.dir, 'node_modules', '.bin', name);

describe('packed and installed with plain npm, outside the workspace', () => {
  test('every @guidekit package is a real folder from its tarball, not a link into the workspace', () => {
    for (const pkg of project.packed.keys()) {
      const dir = path.join(project.dir, 'node_modules', ...pkg.name.split('/'));
      expect(lstatSync(dir).isSymbolicLink(), pkg.name).toBe(false);
      expect(realpathSync(dir).startsWith(workspaceRoot + path.sep), pkg.name).toBe(false);
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
        dependencies?: Record<string, string>;
      };
      // Its own tarball, not another package's of the same file name.
      expect([manifest.name, manifest.version]).toEqual([pkg.name, pkg.version]);
      // pnpm pack turned workspace:* into versions: nothing points back at the workspace.
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain('workspace:');
    }
  });

  test('the root README\'s "Use as data" snippet prints every guide', () => {
    const blocks = codeBlocksOf(path.join(workspaceRoot, 'README.md')).filter((b) => b.heading === 'Use as data' && claimsToRun(b));
    expect(blocks).toHaveLength(1);
    const result = runModule(blocks[0]?.code ?? '', project.dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Written by hand from fixture/content: locale, slug, the step titles (as console.log prints them).
    expect(result.stdout).toBe(
      [
        "en activer-mfa [ 'Open the admin center', 'Require two-step verification' ]",
        'fr activer-mfa [',
        '  "Ouvrir le centre d\'administration",',
        "  'Exiger la vérification en deux étapes'",
        ']',
        '',
      ].join('\n'),
    );
  });

  test('npx guidekit-docs check: exit 0 on a clean tree, 1 with each fault at its own line and column on a broken one', () => {
    const clean = run('npx', ['--no-install', 'guidekit-docs', 'check'], project.dir);
    expect(clean.stderr + clean.stdout).not.toMatch(/error/i);
    expect(clean.status).toBe(0);
    const broken = run('npx', ['--no-install', 'guidekit-docs', 'check', 'broken'], project.dir);
    expect(broken.status).toBe(1);
    expect(broken.stdout + broken.stderr).toMatch(/3:7.*Unexpected string `not-a-date` for `date`.*parse\/frontmatter-type/);
    // The YAML fault's own line (the quote that never closes, line 2), not the end of the block.
    expect(broken.stdout + broken.stderr).toMatch(/2:8.*Unexpected YAML syntax \(Missing closing "quote\).*parse\/yaml-invalid/);
  });

  test('npx guidekit-i18n lint: exit 0 on a faithful translation', () => {
    const result = run('npx', ['--no-install', 'guidekit-i18n', 'lint'], project.dir);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });

  test('tsc --noEmit type-checks a consumer of @guidekit/content and @guidekit/model', () => {
    const result = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], project.dir);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the packages\' READMEs: every block that claims to run runs in the installed project', () => {
  // See readme.test.ts for the convention (`norun`); the root README's blocks run at the root.
  const blocks = readmeFiles()
    .filter((file) => file !== path.join(workspaceRoot, 'README.md'))
    .flatMap((file) => codeBlocksOf(file))
    .filter(claimsToRun);

  test.each(blocks.map((b) => [`${path.relative(workspaceRoot, b.file)}:${b.line}`, b] as const))('%s', (_where, block) => {
    const result = runModule(block.code, project.dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
