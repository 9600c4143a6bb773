import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseGuide } from '@guidekit/parser';
import { writeStamp } from '../src/index.js';
import type { TranslationStamp } from '@guidekit/model';

const stamp: TranslationStamp = { locale: 'fr', hash: '1234e5', steps: { 'step-1': 'aaa', 'step-2': '0x1f' } };
const block = ['translationOf:', '  locale: "fr"', '  hash: "1234e5"', '  steps:', '    step-1: "aaa"', '    step-2: "0x1f"'];

describe('writeStamp', () => {
  it('inserts the block before the closing fence and changes nothing else (LF)', () => {
    const text = '---\ntitle: "Un \\"titre\\""\n# a comment\ntags: [a, \'b\']\n---\n\n##### Step 1: A\nText.';
    const out = writeStamp(text, stamp);
    expect(out).toBe(['---', 'title: "Un \\"titre\\""', '# a comment', "tags: [a, 'b']", ...block, '---', '', '##### Step 1: A', 'Text.'].join('\n'));
  });

  it('keeps CRLF line endings, a BOM, and odd quoting byte for byte', () => {
    const lines = ['---', "title: 'It''s quoted'", 'description: >-', '  folded text', '  on two lines', 'draft: false # trailing comment', '---', 'Body with trailing spaces   ', ''];
    const text = `\uFEFF${lines.join('\r\n')}`;
    const out = writeStamp(text, stamp);
    const expected = `\uFEFF${[...lines.slice(0, 6), ...block, ...lines.slice(6)].join('\r\n')}`;
    expect(out).toBe(expected);
  });

  it('replaces an existing block in place, leaving the keys around it alone', () => {
    const text = ['---', 'title: T', 'translationOf:', '  locale: fr', '  hash: old', '  steps:', '', '    step-1: old', 'author: me', '---', 'x'].join('\n');
    const out = writeStamp(text, stamp);
    expect(out).toBe(['---', 'title: T', ...block, 'author: me', '---', 'x'].join('\n'));
    // Idempotent: stamping again with the same stamp changes no byte.
    expect(writeStamp(out, stamp)).toBe(out);
  });

  it('replaces a flow-style block on one line', () => {
    const text = '---\ntranslationOf: { locale: fr, hash: x, steps: {} }\ntitle: T\n---\n';
    expect(writeStamp(text, stamp)).toBe(['---', ...block, 'title: T', '---', ''].join('\n'));
  });

  it('adds front matter to a file that has none', () => {
    expect(writeStamp('# Title\n', stamp)).toBe(['---', ...block, '---', '# Title', ''].join('\n'));
  });

  it('writes what the parser reads back, hashes as strings', () => {
    const out = writeStamp('---\ntitle: T\n---\nText.\n', { ...stamp, sections: { 'conclusion-1': 'c' }, acknowledged: { 'step-2': 'z' } });
    const { guide } = parseGuide(out, { path: 'en/x.md', locale: 'en' });
    expect(guide.frontmatter.translationOf).toEqual({ ...stamp, sections: { 'conclusion-1': 'c' }, acknowledged: { 'step-2': 'z' } });
    expect(guide.frontmatter.title).toBe('T');
  });

  it('property: every line outside the block is kept, in order, with its own ending', () => {
    const line = fc.stringMatching(/^[a-z][a-z0-9_]{0,8}: [^\r\n]{0,20}$/).filter((l) => !l.startsWith('translationOf'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.string({ maxLength: 40 }), (keys, eol, body) => {
        const text = ['---', ...keys, '---', body].join(eol);
        const out = writeStamp(text, stamp);
        const removed = out.replace(block.map((l) => l + eol).join(''), '');
        expect(removed).toBe(text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 200) },
    );
  });
});
