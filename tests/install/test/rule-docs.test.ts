import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ruleDocsPath } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ES module script without declarations.
import { catalog } from '../scripts/rule-catalog.mjs';
// @ts-expect-error: a plain ES module script without declarations.
import { fixturesRoot, rulePages } from '../scripts/rule-docs.mjs';
import { workspaceRoot } from '../src/workspace.js';

const pages = rulePages() as Map<string, string>;

// Literals that look like rule ids but are not: a path (`staticDir: 'content/static'` in doc
// comments), a memo key of the renderer (`ctx.memo.get('render/reported')`).
const NOT_RULE_IDS = new Set(['content/static', 'render/reported']);
const RULE_ID = /['"`]((?:parse|frontmatter|content|config|render|pdf|build|publish|vite|i18n|check|report)\/[a-z][a-z0-9-]*)['"`]/g;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mts|js|mjs)$/.test(file))
    .map((file) => path.join(dir, file));
}

/** Every rule id written as a literal in the packages' and apps' sources. */
function ruleIdsInSources(): Set<string> {
  const ids = new Set<string>();
  for (const group of ['packages', 'apps']) {
    for (const pkg of readdirSync(path.join(workspaceRoot, group))) {
      for (const file of sourceFiles(path.join(workspaceRoot, group, pkg, 'src'))) {
        for (const match of readFileSync(file, 'utf8').matchAll(RULE_ID)) if (!NOT_RULE_IDS.has(match[1] as string)) ids.add(match[1] as string);
      }
    }
  }
  return ids;
}

describe('docs/rules', () => {
  test('every rule id found in the sources has a page', () => {
    const missing = [...ruleIdsInSources()].filter((id) => !pages.has(ruleDocsPath(id))).sort();
    expect(missing, 'add the rule to its registry (or tests/install/scripts/rule-catalog.mjs), then run node tests/install/scripts/rule-docs.mjs').toEqual([]);
  });

  test('every rule of the catalog has example trees in tests/rules, or says why it cannot', () => {
    const entries = Object.entries(catalog as Record<string, { noExample?: string }>);
    const trees = new Set(readdirSync(fixturesRoot).flatMap((ns) => readdirSync(path.join(fixturesRoot, ns)).map((name) => `${ns}/${name}`)));
    const neither = entries.filter(([id, meta]) => !trees.has(id) && !meta.noExample).map(([id]) => id);
    const both = entries.filter(([id, meta]) => trees.has(id) && meta.noExample).map(([id]) => id);
    expect({ neither, both }).toEqual({ neither: [], both: [] });
    // A folder of tests/rules whose rule is not in the catalog would be run but shown on no page.
    expect([...trees].filter((id) => !(id in catalog))).toEqual([]);
  });

  test('the pages are what the generator writes (run node tests/install/scripts/rule-docs.mjs, or this test with UPDATE=1)', () => {
    for (const [file, text] of pages) {
      const target = path.join(workspaceRoot, file);
      // UPDATE=1 writes the pages from the packages' sources, with no build needed.
      if (process.env['UPDATE'] === '1') {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      expect(existsSync(target) ? readFileSync(target, 'utf8') : undefined, file).toBe(text);
    }
  });

  test('no page is left for a rule that no longer exists', () => {
    const dir = path.join(workspaceRoot, 'docs', 'rules');
    const onDisk = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.md'))
      .map((file) => `docs/rules/${file.split(path.sep).join('/')}`);
    expect(onDisk.filter((file) => !pages.has(file)).sort()).toEqual([]);
  });
});
