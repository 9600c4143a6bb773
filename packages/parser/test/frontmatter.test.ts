import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FrontmatterFields, GuideSchema, sortDiagnostics } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
import { parseGuide } from '../src/index.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'frontmatter');

/** Parse one case of `fixtures/frontmatter/<case>/` with its declared fields, if any. */
function parseCase(name: string) {
  const dir = path.join(root, name);
  const source = readFileSync(path.join(dir, 'input.md'), 'utf8');
  const fieldsFile = path.join(dir, 'fields.json');
  const options: Parameters<typeof parseGuide>[1] = { path: `fr/${name}.md`, locale: 'fr' };
  if (existsSync(fieldsFile)) options.frontmatter = JSON.parse(readFileSync(fieldsFile, 'utf8')) as FrontmatterFields;
  const result = parseGuide(source, options);
  expect(GuideSchema.safeParse(result.guide).success).toBe(true);
  return result;
}

describe('front matter fixtures: each problem at its own line and column', () => {
  // expected.txt is written by hand: `line:column severity rule-id message`, one per line.
  for (const name of readdirSync(root).sort()) {
    test(name, () => {
      const { diagnostics } = parseCase(name);
      const expected = readFileSync(path.join(root, name, 'expected.txt'), 'utf8').trimEnd().split('\n');
      expect(sortDiagnostics(diagnostics).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`)).toEqual(expected);
    });
  }
});

describe('front matter values are never lost', () => {
  test('a wrong date stays in extra, as written', () => {
    const { guide } = parseCase('date-invalid');
    expect(guide.frontmatter.date).toBeUndefined();
    expect(guide.frontmatter.extra).toEqual({ date: 'not-a-date' });
  });

  test('a number title is still the title, as written, and its value is kept', () => {
    const { guide } = parseCase('title-number');
    expect(guide.title).toBe('2024');
    expect(guide.frontmatter.extra).toEqual({ title: 2024 });
    expect(guide.frontmatter.date).toBe('2024-12-17T10:00:00-05:00');
  });

  test('a list title falls back to the first heading; the list is kept', () => {
    const { guide } = parseCase('title-list');
    expect(guide.title).toBe('Activer la MFA');
    expect(guide.frontmatter.extra).toEqual({ title: ['Activer', 'la MFA'] });
    expect(guide.frontmatter.draft).toBe(false);
  });

  test('unknown and declared fields are kept in extra', () => {
    expect(parseCase('unknown-key').guide.frontmatter.extra).toEqual({ auteur: 'Camille', weight: 3 });
    expect(parseCase('declared-fields').guide.frontmatter.extra).toEqual({ difficulty: 'extreme', minutes: 12 });
  });

  test('declared fields that are valid raise nothing', () => {
    const frontmatter = { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] } }, required: ['difficulty'] };
    const { diagnostics, guide } = parseGuide('---\ntitle: T\ndifficulty: easy\n---\nTexte.\n', { path: 'fr/x.md', locale: 'fr', frontmatter });
    expect(diagnostics).toEqual([]);
    expect(guide.frontmatter.extra).toEqual({ difficulty: 'easy' });
  });

  test('the error of an unclosed quote is where it opens, not at the end of the block', () => {
    // js-yaml (through gray-matter) put this one at 5:1, the closing fence.
    const { diagnostics, guide } = parseCase('yaml-unclosed-quote');
    expect(diagnostics[0]?.line).toBe(2);
    expect(guide.frontmatter).toEqual({ extra: {} });
  });

  test('gray-matter splits, yaml reads: CRLF front matter keeps no stray \\r and errors stay on their lines', () => {
    const crlf = '---\r\ntitle: T\r\ndate: 2024-13-01\r\n---\r\nTexte.\r\n';
    const { diagnostics, guide } = parseGuide(crlf, { path: 'fr/x.md', locale: 'fr' });
    expect(guide.frontmatter.title).toBe('T');
    expect(guide.frontmatter.extra).toEqual({ date: '2024-13-01' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}`)).toEqual(['3:7 parse/frontmatter-type']);
  });

  test('dates stay as written (YAML 1.2 core, not a Date) and a key with trailing spaces after --- is read', () => {
    const { diagnostics, guide } = parseGuide('---  \ntitle: T\ndate: 2024-12-17\n---\nTexte.\n', { path: 'fr/x.md', locale: 'fr' });
    expect(diagnostics).toEqual([]);
    expect(guide.frontmatter.date).toBe('2024-12-17');
  });

  test('a closing line gray-matter accepts but Markdown does not (`----`) is an error at that line, not a silent cut', () => {
    const { diagnostics } = parseGuide('---\ntitle: T\n----\nmore: x\n---\nTexte.\n', { path: 'fr/x.md', locale: 'fr' });
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      '3:1 parse/yaml-invalid Unexpected `----` closing the front matter, expected `---` alone on its line (front matter ignored)',
    ]);
  });

  test('comments-only front matter is empty front matter', () => {
    const { diagnostics, guide } = parseGuide('---\n# nothing yet\n---\n# Titre\n', { path: 'fr/x.md', locale: 'fr' });
    expect(diagnostics).toEqual([]);
    expect(guide.frontmatter).toEqual({ extra: {} });
  });
});
