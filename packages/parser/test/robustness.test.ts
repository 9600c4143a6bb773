import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GuideSchema } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_BYTES, parseGuide } from '../src/index.js';
import { coverageErrors } from './helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedShape = readFileSync(path.join(here, 'fixtures/tutorial-fr/input.md'), 'utf8');

function parse(source: string | Uint8Array, locale = 'fr') {
  const result = parseGuide(source, { path: 'content/fr/bad.md', locale });
  expect(GuideSchema.safeParse(result.guide).success).toBe(true);
  return result;
}

const where = (d: { line: number; column: number; severity: string; ruleId: string }) =>
  `${d.line}:${d.column} ${d.severity} ${d.ruleId}`;

describe('front matter problems', () => {
  test('invalid YAML: placed on the file line, the guide still built', () => {
    const source = '---\ntitle: Un titre\n  auteur: x\ndate: 2025-01-01\n---\n\n## Étape 1 : A\nTexte.\n';
    const { guide, diagnostics } = parse(source);
    expect(diagnostics.map(where)).toEqual(['2:8 error parse/yaml-invalid']);
    expect(diagnostics[0]?.message).toMatch(/^Unexpected YAML syntax \(.+\), expected valid YAML front matter/);
    expect(guide.frontmatter).toEqual({ extra: {} });
    expect(guide.steps.map((s) => s.title)).toEqual(['A']);
    expect(coverageErrors(source, guide)).toEqual([]);
  });

  test('a known field of the wrong type points at its line; the raw value stays in extra', () => {
    const source = '---\ntitle: T\ndate: 2025-01-01\ndraft: "yes"\ntags: Sécurité\n---\nCorps.\n';
    const { guide, diagnostics } = parse(source);
    expect(diagnostics.map(where)).toEqual(['4:8 error parse/frontmatter-type', '5:7 error parse/frontmatter-type']);
    expect(diagnostics[0]?.message).toBe('Unexpected string `yes` for `draft`, expected `true` or `false` (kept in `extra`)');
    expect(guide.frontmatter).toEqual({ title: 'T', date: '2025-01-01', extra: { draft: 'yes', tags: 'Sécurité' } });
  });

  test('dates keep their offset as written, even quoted or with a comment', () => {
    const source = '---\ndate: 2024-12-17T10:00:00-05:00 # publication\nupdated: 2025-01-02\n---\n';
    const { guide, diagnostics } = parse(source);
    expect(diagnostics.map(where)).toEqual(['3:1 warning frontmatter/unknown-key']);
    expect(guide.frontmatter.date).toBe('2024-12-17T10:00:00-05:00');
    expect(guide.frontmatter.extra).toEqual({ updated: '2025-01-02' });
  });

  test('a front matter that is a list, not a mapping', () => {
    const { guide, diagnostics } = parse('---\n- a\n- b\n---\ntexte\n');
    expect(diagnostics.map(where)).toEqual(['2:1 error parse/frontmatter-type']);
    expect(guide.frontmatter.extra).toEqual({ value: ['a', 'b'] });
  });
});

describe('front matter field names', () => {
  test('fields named like Object members (`__proto__`, `constructor`, `valueOf`) are kept as fields', () => {
    const { guide, diagnostics } = parse('---\ntitle: T\n__proto__: {"a": 1}\nconstructor: 2\nvalueOf: [3]\nnested: {__proto__: 4}\n---\n\nTexte.\n');
    expect(diagnostics.map(where)).toEqual(['3:1', '4:1', '5:1', '6:1'].map((at) => `${at} warning frontmatter/unknown-key`));
    expect(Object.keys(guide.frontmatter.extra)).toEqual(['__proto__', 'constructor', 'valueOf', 'nested']);
    expect(JSON.parse(JSON.stringify(guide.frontmatter.extra))).toEqual(JSON.parse('{"__proto__":{"a":1},"constructor":2,"valueOf":[3],"nested":{"__proto__":4}}'));
  });
});

describe('encoding problems', () => {
  test('a byte order mark is dropped with an info; positions unchanged', () => {
    const { guide, diagnostics } = parse(`\uFEFF${seedShape}`);
    expect(diagnostics.map(where)).toEqual(['1:1 info parse/bom']);
    expect(guide.frontmatter.title).toContain('archivage');
    expect(guide.steps.map((s) => s.position.start.line)).toEqual([29, 36, 43, 52]);
  });

  test('CRLF line endings: same guide, same lines, same hashes', () => {
    const lf = parse(seedShape).guide;
    const crlfSource = seedShape.replace(/\n/g, '\r\n');
    const { guide, diagnostics } = parse(crlfSource);
    expect(diagnostics).toEqual([]);
    expect(guide.steps.map((s) => [s.id, s.title, s.position.start.line, s.position.end.line, s.hash])).toEqual(
      lf.steps.map((s) => [s.id, s.title, s.position.start.line, s.position.end.line, s.hash]),
    );
    expect(guide.frontmatter).toEqual(lf.frontmatter);
    expect(guide.hash).toBe(lf.hash);
    expect(coverageErrors(crlfSource, guide)).toEqual([]);
  });

  test('NUL characters: reported at the first one', () => {
    const { guide, diagnostics } = parse('---\ntitle: T\n---\nab\u0000c\n\u0000\n');
    expect(diagnostics.map(where)).toEqual(['4:3 error parse/nul-character']);
    expect(diagnostics[0]?.data).toEqual({ count: 2 });
    expect(guide.sections.length).toBe(1);
  });

  test('invalid UTF-8 bytes: decoded leniently, reported at the first bad byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('---\ntitle: T\n---\n\nété '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(' fin\n'),
    ]);
    const { guide, diagnostics } = parse(new Uint8Array(bytes));
    expect(diagnostics.map(where)).toEqual(['5:5 error parse/invalid-utf8']);
    expect(JSON.stringify(guide.sections[0]?.blocks)).toContain('été \uFFFD\uFFFD fin');
  });

  test('valid UTF-8 bytes are not reported', () => {
    const { diagnostics, guide } = parse(new TextEncoder().encode('## Étape 1 : Démarrer 🚀\n'));
    expect(diagnostics).toEqual([]);
    expect(guide.steps[0]?.title).toBe('Démarrer 🚀');
  });

  test('an empty file: a diagnostic and a guide with no sections', () => {
    for (const source of ['', '  \n\n', new Uint8Array()]) {
      const { guide, diagnostics } = parse(source);
      expect(diagnostics.map(where)).toEqual(['1:1 warning parse/empty-file']);
      expect(guide.sections).toEqual([]);
      expect(guide.kind).toBe('article');
    }
  });
});

describe('pathological inputs answer fast and keep their text', () => {
  const fast = (fn: () => void, ms: number) => {
    const t = performance.now();
    fn();
    expect(performance.now() - t).toBeLessThan(ms);
  };

  test('a 10 MB file: too large, kept raw as one `other` section', () => {
    const para = 'Une ligne de texte assez ordinaire pour remplir un très gros fichier.\n\n';
    const source = `---\ntitle: Gros\n---\n${para.repeat(Math.ceil((10 * 1024 * 1024) / para.length))}`;
    fast(() => {
      const { guide, diagnostics } = parse(source);
      expect(diagnostics.map(where)).toEqual(['1:1 error parse/too-large']);
      expect(guide.frontmatter.title).toBe('Gros');
      expect(guide.sections).toHaveLength(1);
      const block = guide.sections[0]?.blocks[0] as { type: string; value: string };
      expect(block.type).toBe('html');
      expect(block.value).toBe(source.slice(source.indexOf('Une ligne')).trimEnd());
      expect(coverageErrors(source, guide)).toEqual([]);
    }, 5000);
  });

  test('the size limit is an option', () => {
    const { diagnostics } = parseGuide('a'.repeat(200), { path: 'a.md', locale: 'fr', maxBytes: 100 });
    expect(diagnostics.map(where)).toEqual(['1:1 error parse/too-large']);
    expect(DEFAULT_MAX_BYTES).toBe(256 * 1024);
  });

  test('10,000 nested block quotes', () => {
    const source = `${'>'.repeat(10_000)} fond\n`;
    fast(() => {
      const { guide, diagnostics } = parse(source);
      expect(diagnostics.map(where)).toEqual(['1:1 error parse/too-deep']);
      expect((guide.sections[0]?.blocks[0] as unknown as { value: string }).value).toBe(source.trimEnd());
    }, 3000);
  });

  test('400 nested list items, one per line (under the size limit: the depth scan catches it)', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- niveau ${i}`);
    const source = `## Étape 1 : Profond\n${lines.join('\n')}\n`;
    fast(() => {
      const { guide, diagnostics } = parse(source);
      // Line 1 is the heading; list line k (k >= 2) nests k - 1 levels: 201 > 200 on line 202.
      expect(diagnostics.map(where)).toEqual(['202:1 error parse/too-deep']);
      expect(coverageErrors(source, guide)).toEqual([]);
    }, 3000);
  });

  test('10,000 list markers on one line', () => {
    fast(() => {
      const { diagnostics } = parse(`${'- '.repeat(10_000)}x\n`);
      expect(diagnostics.map(where)).toEqual(['1:1 error parse/too-deep']);
    }, 3000);
  });

  test('thousands of emphasis markers in one paragraph (quadratic in micromark) are refused fast', () => {
    const source = `Intro\n\n${'*'.repeat(20_000)}a${'*'.repeat(20_000)}\n\n${'_*'.repeat(10_000)}b${'*_'.repeat(10_000)}\n`;
    fast(() => {
      const { guide, diagnostics } = parse(source);
      expect(diagnostics.map(where)).toEqual(['3:1 error parse/too-complex']);
      expect(coverageErrors(source, guide)).toEqual([]);
    }, 3000);
  });

  test('emphasis markers inside fenced code do not count', () => {
    const code = `\`\`\`\n${'*_'.repeat(5_000)}\n\`\`\`\n`;
    const { guide, diagnostics } = parse(`## Étape 1 : Code\n${code}`);
    expect(diagnostics).toEqual([]);
    expect(guide.steps[0]?.code[0]?.value).toBe('*_'.repeat(5_000));
  });

  test('10,000 nested list items, one per line (100 MB): too large, answered fast', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `${'  '.repeat(i)}- niveau ${i}`);
    const source = lines.join('\n');
    fast(() => {
      const { guide, diagnostics } = parse(source);
      expect(diagnostics.map(where)).toEqual(['1:1 error parse/too-large']);
      expect(guide.sections[0]?.position.end.line).toBe(10_000);
    }, 10_000);
  });

  test('a long run of unclosed images (quadratic destination scans) is refused fast', () => {
    const source = `Intro\n\n${'![a]('.repeat(20_000)}\n`;
    fast(() => {
      const { diagnostics } = parse(source);
      expect(diagnostics.map(where)).toEqual(['3:1 error parse/too-complex']);
    }, 3000);
  });

  test('MDX: 10,000 nested expressions or JSX tags are refused fast', () => {
    for (const source of [`${'{'.repeat(10_000)}${'}'.repeat(10_000)}\n`, `${'<a>'.repeat(10_000)}x${'</a>'.repeat(10_000)}\n`]) {
      fast(() => {
        const { diagnostics } = parseGuide(source, { path: 'deep.mdx', locale: 'fr' });
        expect(diagnostics.map(where)).toEqual(['1:1 error parse/too-deep']);
      }, 3000);
    }
  });

  test('moderate nesting (50 levels) is parsed normally', () => {
    const source = `${'> '.repeat(50)}citation\n`;
    const { guide, diagnostics } = parse(source);
    expect(diagnostics).toEqual([]);
    expect(guide.sections[0]?.blocks[0]?.type).toBe('blockquote');
  });
});

describe('programmer errors throw', () => {
  test('options of the wrong type', () => {
    // @ts-expect-error: deliberately wrong
    expect(() => parseGuide('x', 'fr')).toThrow(TypeError);
    // @ts-expect-error: deliberately wrong
    expect(() => parseGuide('x', { path: 'a.md', locale: 3 })).toThrow(/locale/);
  });
});
