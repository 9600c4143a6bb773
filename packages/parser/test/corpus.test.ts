import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GuideSchema } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
import { hashGuide, hashSection, hashStep, parseGuide } from '../src/index.js';
import { corpusAvailable, corpusRoot, coverageErrors } from './helpers.js';

const available = corpusAvailable();

interface Row {
  locale: string;
  path: string;
  kind: string;
  steps: number;
  titles: string[];
}

function manifest(): Row[] {
  const [head, ...rows] = readFileSync(path.join(corpusRoot, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = (head ?? '').split('\t');
  const at = (name: string) => cols.indexOf(name);
  return rows.map((r) => {
    const c = r.split('\t');
    const titles = c[at('step_titles')] ?? '';
    return {
      locale: c[at('locale')] ?? '',
      path: c[at('path')] ?? '',
      kind: c[at('kind')] ?? '',
      steps: Number(c[at('steps')]),
      titles: titles === '' ? [] : titles.split(' | '),
    };
  });
}

// The manifest's titles are the heading text after the step number, raw inline HTML included
// (`Importer le certificat <br/><br/>`); a Guide's titles are plain text, HTML stripped. Compare
// both as plain text: drop tags, collapse whitespace.
function plain(title: string): string {
  return title.replace(/<\/?[A-Za-z][^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

describe.skipIf(!available)('real corpus (../shared/corpus)', () => {
  const rows = available ? manifest() : [];

  test('the manifest lists the corpus', () => {
    expect(rows.length).toBeGreaterThan(80);
  });

  test.each(rows.map((r) => [r.path, r] as const))('%s', (_name, row) => {
    const source = readFileSync(path.join(corpusRoot, row.path), 'utf8');
    const { guide, diagnostics } = parseGuide(source, { path: row.path, locale: row.locale });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(guide.kind).toBe(row.kind);
    expect(guide.steps.length).toBe(row.steps);
    expect(guide.steps.map((s) => s.title)).toEqual(row.titles.map(plain));
    expect(coverageErrors(source, guide)).toEqual([]);
    const parsed = GuideSchema.safeParse(guide);
    expect(parsed.success, parsed.error?.message).toBe(true);
    // A Guide is plain data: it survives JSON unchanged, and its hashes can be recomputed from
    // the stored JSON (what i18n does with a source guide).
    const stored = JSON.parse(JSON.stringify(guide)) as typeof guide;
    expect(stored).toEqual(guide);
    expect(stored.steps.map((s) => hashStep(s))).toEqual(guide.steps.map((s) => s.hash));
    expect(stored.sections.map((s) => hashSection(s))).toEqual(guide.sections.map((s) => s.hash));
    expect(hashGuide(stored)).toBe(guide.hash);
  });
});
