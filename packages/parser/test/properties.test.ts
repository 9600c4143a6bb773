import fc from 'fast-check';
import { GuideSchema } from '@guidekit/model';
import { describe, expect, test } from 'vitest';
import { parseGuide } from '../src/index.js';
import { coverageErrors, fcRuns } from './helpers.js';

const runs = { numRuns: fcRuns };
// CI runs 10,000 cases per property on a small shared machine: allow far more than the
// default 60 s per test (each case costs one or two remark parses, ~1-5 ms).
const timeout = Math.max(60_000, fcRuns * 60);
const opts = { path: 'content/fr/prop.md', locale: 'fr' };

// ---- A small model of a guide, rendered to Markdown in several formatting styles ----------

const word = fc.stringMatching(/^[a-zéèà]{1,8}$/);
const words = fc.array(word, { minLength: 1, maxLength: 5 });
const url = fc.tuple(fc.constantFrom('https://a.example', 'https://learn.example.com'), word).map(([h, p]) => `${h}/${p}`);

type Inline =
  | { k: 'w'; w: string[] }
  | { k: 'em'; w: string[] }
  | { k: 'strong'; w: string[] }
  | { k: 'ui'; w: string[] }
  | { k: 'link'; w: string[]; url: string }
  | { k: 'url'; url: string }
  | { k: 'code'; w: string };

const inline: fc.Arbitrary<Inline> = fc.oneof(
  words.map((w) => ({ k: 'w' as const, w })),
  words.map((w) => ({ k: 'em' as const, w })),
  words.map((w) => ({ k: 'strong' as const, w })),
  words.map((w) => ({ k: 'ui' as const, w })),
  fc.tuple(words, url).map(([w, u]) => ({ k: 'link' as const, w, url: u })),
  url.map((u) => ({ k: 'url' as const, url: u })),
  word.map((w) => ({ k: 'code' as const, w })),
);

type Block =
  | { k: 'para'; inl: Inline[] }
  | { k: 'list'; items: Inline[][] }
  | { k: 'code'; lang: string; lines: string[][] }
  | { k: 'html'; w: string[] }
  | { k: 'hr' }
  | { k: 'heading'; depth: number; text: string[] }
  | { k: 'junk'; text: string };

const para = fc.array(inline, { minLength: 1, maxLength: 4 }).map((inl) => ({ k: 'para' as const, inl }));
const codeBlock = fc
  .tuple(fc.constantFrom('', 'powershell', 'js'), fc.array(words, { minLength: 1, maxLength: 3 }))
  .map(([lang, lines]) => ({ k: 'code' as const, lang, lines }));
const block: fc.Arbitrary<Block> = fc.oneof(
  { arbitrary: para, weight: 4 },
  { arbitrary: fc.array(fc.array(inline, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((items) => ({ k: 'list' as const, items })), weight: 2 },
  { arbitrary: codeBlock, weight: 1 },
  { arbitrary: words.map((w) => ({ k: 'html' as const, w })), weight: 1 },
  { arbitrary: fc.constant({ k: 'hr' as const }), weight: 1 },
  { arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), words).map(([depth, text]) => ({ k: 'heading' as const, depth, text })), weight: 1 },
);

interface Step {
  sep: string;
  depth: number;
  title: string[];
  body: Block[];
}
interface Doc {
  fm: boolean;
  intro: Block[];
  steps: Step[];
  outro: Block[];
}

const step: fc.Arbitrary<Step> = fc.record({
  sep: fc.constantFrom(' : ', ': ', ' - ', '. ', ' '),
  depth: fc.integer({ min: 2, max: 6 }),
  title: words,
  body: fc.array(block, { maxLength: 3 }),
});
const doc: fc.Arbitrary<Doc> = fc.record({
  fm: fc.boolean(),
  intro: fc.array(block, { maxLength: 2 }),
  steps: fc.array(step, { maxLength: 3 }),
  outro: fc.array(block, { maxLength: 2 }),
});

interface Style {
  em: '*' | '_';
  strong: '**' | '__';
  bullet: '-' | '*' | '+';
  eol: '\n' | '\r\n';
  space: ' ' | '  ';
  trail: '' | '  ' | '\t';
  gap: 1 | 2;
  wrap: boolean;
}
const plain: Style = { em: '*', strong: '**', bullet: '-', eol: '\n', space: ' ', trail: '', gap: 1, wrap: false };
const style: fc.Arbitrary<Style> = fc.record({
  em: fc.constantFrom('*', '_'),
  strong: fc.constantFrom('**', '__'),
  bullet: fc.constantFrom('-', '*', '+'),
  eol: fc.constantFrom('\n', '\r\n'),
  space: fc.constantFrom(' ', '  '),
  trail: fc.constantFrom('', '  ', '\t'),
  gap: fc.constantFrom(1, 2),
  wrap: fc.boolean(),
});

function renderInline(i: Inline, s: Style): string {
  const w = (list: string[]) => list.join(s.space);
  switch (i.k) {
    case 'w':
      return w(i.w);
    case 'em':
      return `${s.em}${w(i.w)}${s.em}`;
    case 'strong':
      return `${s.strong}${w(i.w)}${s.strong}`;
    case 'ui':
      return `${s.em}<u>${w(i.w)}</u>${s.em}`;
    case 'link':
      return `[${w(i.w)}](${i.url})`;
    case 'url':
      return i.url;
    case 'code':
      return `\`${i.w}\``;
  }
}

function renderInlines(list: Inline[], s: Style): string {
  // `wrap` breaks the line between inlines: a soft line ending is whitespace too.
  return list.map((i) => renderInline(i, s)).join(s.wrap ? `${s.trail}${s.eol}` : s.space);
}

function renderBlock(b: Block, s: Style): string {
  switch (b.k) {
    case 'para':
      return `x${s.space}${renderInlines(b.inl, s)}${s.trail}`;
    case 'list':
      return b.items.map((item) => `${s.bullet} x ${renderInlines(item, s).split(s.eol).join(`${s.eol}  `)}`).join(s.eol);
    case 'code':
      return ['```' + b.lang, ...b.lines.map((l) => `${l.join(' ')}${s.trail}`), '```'].join(s.eol);
    case 'html':
      return `<div>${b.w.join(s.space)}</div>`;
    case 'hr':
      return '---';
    case 'heading':
      return `${'#'.repeat(b.depth)} ${b.text.join(s.space)}${s.trail}`;
    case 'junk':
      return b.text;
  }
}

function render(d: Doc, s: Style): string {
  const parts: string[] = [];
  if (d.fm) parts.push(['---', 'title: Titre', 'date: 2025-01-01T10:00:00-05:00', '---'].join(s.eol));
  for (const b of d.intro) parts.push(renderBlock(b, s));
  d.steps.forEach((st, i) => {
    parts.push(`${'#'.repeat(st.depth)} Étape ${i + 1}${st.sep}${st.title.join(s.space)}${s.trail}`);
    for (const b of st.body) parts.push(renderBlock(b, s));
  });
  for (const b of d.outro) parts.push(renderBlock(b, s));
  // A file that opens with `---` and has another `---` line is all front matter (whose values
  // are YAML, not normalised Markdown): open such documents with a word.
  if (!d.fm && parts[0] === '---') parts.unshift('Intro');
  return parts.join(s.eol.repeat(s.gap + 1)) + s.eol;
}

// Free text that looks like guides: the pieces that matter to the parser, glued at random.
const piece = fc.oneof(
  fc.constantFrom(
    '---', '--', '***', '# ', '##### Étape 1 : ', '## Step 2b: ', '### Prérequis', '#### Sources', '> ', '- ', '1. ',
    '    ', '```', '~~~', '<u>', '</u>', '*', '_', '**', '<br/>', '<div>', '</div>', '<Notice type="x">', '</Notice>',
    '{', '}', '[a](b)', '![i](/x.png)', 'https://x.example/y', '\n', '\n\n', '\r\n', '\r', '\t', '\u0000', '\uFEFF',
    'title: x', 'date: 2025-01-01', ': :', '`', '<!--', '-->', 'import X from "y"', '\\',
  ),
  fc.string({ maxLength: 8 }),
);
const guideLike = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

// ---- Properties ---------------------------------------------------------------------------

describe('properties (fast-check, FC_RUNS runs)', () => {
  test('never throws on arbitrary text, bytes and guide-like text; the Guide always validates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), guideLike), fc.boolean(), (text, mdx) => {
        const { guide, diagnostics } = parseGuide(text, { ...opts, format: mdx ? 'mdx' : 'md' });
        expect(GuideSchema.safeParse(guide).success).toBe(true);
        for (const d of diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      runs,
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(GuideSchema.safeParse(parseGuide(bytes, opts).guide).success).toBe(true);
      }),
      { numRuns: Math.max(1, Math.floor(fcRuns / 4)) },
    );
  }, timeout);

  test('every non-blank body line belongs to exactly one section', () => {
    fc.assert(
      fc.property(fc.oneof(doc.chain((d) => style.map((s) => render(d, s))), guideLike), fc.boolean(), (text, mdx) => {
        const { guide } = parseGuide(text, { ...opts, format: mdx ? 'mdx' : 'md' });
        // The parser saw front matter only if it starts the file; the helper finds the same.
        const fmEnd = guide.frontmatter.title !== undefined || text.startsWith('---') ? undefined : 0;
        expect(coverageErrors(text.replace(/^\uFEFF/, ''), guide, fmEnd)).toEqual([]);
      }),
      runs,
    );
  }, timeout);

  test('parseGuide is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(doc.map((d) => render(d, plain)), guideLike), (text) => {
        const a = parseGuide(text, opts);
        const b = parseGuide(text, opts);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      runs,
    );
  }, timeout);

  test('hashes ignore formatting (whitespace, CRLF, `*`/`_`, bullets, wrapping)', () => {
    fc.assert(
      fc.property(doc, style, (d, s) => {
        const a = parseGuide(render(d, plain), opts).guide;
        const b = parseGuide(render(d, s), opts).guide;
        expect(b.steps.map((x) => x.id)).toEqual(a.steps.map((x) => x.id));
        expect(b.steps.map((x) => x.hash)).toEqual(a.steps.map((x) => x.hash));
        expect(b.sections.map((x) => x.hash)).toEqual(a.sections.map((x) => x.hash));
        expect(b.hash).toBe(a.hash);
      }),
      runs,
    );
  }, timeout);

  test('hashes change when a word, a URL or a code line changes', () => {
    const target = fc.record({
      sep: fc.constant(' : '),
      depth: fc.constant(5),
      title: words,
      body: fc.tuple(words, url, words).map(([w, u, c]): Block[] => [
        { k: 'para', inl: [{ k: 'w', w }, { k: 'link', w: ['doc'], url: u }] },
        { k: 'code', lang: 'powershell', lines: [c] },
      ]),
    });
    fc.assert(
      fc.property(doc, target, fc.constantFrom('word', 'url', 'code', 'title'), style, (d, t, what, s) => {
        const before: Doc = { ...d, steps: [...d.steps, t] };
        const body = t.body.map((b) => structuredClone(b));
        const changed: Step = { ...t, body, title: [...t.title] };
        const p = body[0] as Extract<Block, { k: 'para' }>;
        const c = body[1] as Extract<Block, { k: 'code' }>;
        if (what === 'word') (p.inl[0] as { w: string[] }).w.push('nouveau');
        if (what === 'url') (p.inl[1] as { url: string }).url += '2';
        if (what === 'code') c.lines[0] = [...(c.lines[0] ?? []), 'zz'];
        if (what === 'title') changed.title.push('neuf');
        const after: Doc = { ...d, steps: [...d.steps, changed] };
        const a = parseGuide(render(before, plain), opts).guide;
        const b = parseGuide(render(after, s), opts).guide;
        const n = a.steps.length - 1;
        expect(b.steps[n]?.hash).not.toBe(a.steps[n]?.hash);
        expect(b.hash).not.toBe(a.hash);
        // Other steps are untouched.
        expect(b.steps.slice(0, n).map((x) => x.hash)).toEqual(a.steps.slice(0, n).map((x) => x.hash));
      }),
      runs,
    );
  }, timeout);
});
