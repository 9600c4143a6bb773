import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/index.js';

// The repository root is three levels up from this file; the corpus sits next to the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = existsSync(path.join(corpus, 'MANIFEST.tsv'));
if (!present) {
  if (process.env['CI']) throw new Error(`The real corpus is missing at ${corpus}, and CI requires it`);
  console.warn(`[content] skipping corpus tests: ${corpus} not found`);
}

interface Row {
  locale: string;
  filename: string;
  hasTwin: boolean;
  format: string;
}

function manifest(): Row[] {
  const [head, ...lines] = readFileSync(path.join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = (head ?? '').split('\t');
  const at = (name: string): number => cols.indexOf(name);
  return lines.map((line) => {
    const cells = line.split('\t');
    return {
      locale: cells[at('locale')] ?? '',
      filename: cells[at('filename')] ?? '',
      hasTwin: cells[at('has_twin')] === 'yes',
      format: cells[at('format')] ?? '',
    };
  });
}

const stem = (file: string): string => file.replace(/\.mdx?$/, '');

describe.skipIf(!present)('the real corpus, with no configuration', () => {
  it('loads every file, pairs every twin and reports the French-only posts as untranslated', async () => {
    const rows = manifest();
    const content = await loadContent(path.join(corpus, 'blog'), { cache: false, workers: 0, cwd: repoRoot });
    expect(content.stats.files).toBe(rows.length);
    expect(content.guides.map((g) => g.locale).sort()).toEqual(rows.map((r) => r.locale).sort());

    const twins = rows
      .filter((r) => r.locale === 'fr' && r.hasTwin)
      .map((r) => stem(r.filename))
      .sort();
    const paired = content.translations
      .filter((t) => t.source && t.translations.some((g) => g.locale === 'en'))
      .map((t) => t.slug)
      .sort();
    expect(paired).toEqual(twins);

    // The pair whose French file is .md and English file is .mdx is paired like the others.
    const mixed = content.translations.filter((t) => t.source?.format === 'md' && t.translations.some((g) => g.format === 'mdx'));
    expect(mixed.length).toBeGreaterThanOrEqual(1);

    const frenchOnly = rows
      .filter((r) => r.locale === 'fr' && !r.hasTwin)
      .map((r) => `french/${r.filename}`)
      .sort();
    const untranslated = content.diagnostics
      .filter((d) => d.ruleId === 'content/missing-translation')
      .map((d) => d.file)
      .sort();
    expect(untranslated).toEqual(frenchOnly);
    expect(frenchOnly.length).toBeGreaterThan(0);

    expect(content.diagnostics.filter((d) => d.ruleId === 'content/orphan-translation')).toEqual([]);
    expect(content.diagnostics.filter((d) => d.ruleId === 'content/duplicate-slug')).toEqual([]);
    // No static folder next to the corpus: one note instead of a flood of missing images.
    expect(content.staticDir).toBeNull();
    expect(content.diagnostics.filter((d) => d.ruleId === 'content/no-static-dir').map((d) => d.severity)).toEqual(['info']);
    expect(content.diagnostics.filter((d) => d.ruleId === 'content/missing-image')).toEqual([]);
  });
});
