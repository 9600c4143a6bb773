import type { Guide } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import { describe, expect as expectHard, it } from 'vitest';

const expectSoft = expectHard.soft;
const expect = expectHard;
import { renderMarkdown } from '../src/index.js';
import { serializeGuide } from '../src/lib/formats/markdown.js';
import { corpusGuard, corpusGuides, fixtureGuides, withoutPositions } from './helpers.js';

/** Parse the rendered Markdown again and compare what the guide is made of. */
function roundTrip(guide: Guide, soft = false): void {
  const expect = soft ? expectSoft : expectHard;
  const before = JSON.stringify(guide);
  const md = renderMarkdown(guide);
  // Rendering never changes the guide it is given.
  expect(JSON.stringify(guide)).toBe(before);
  const again = parseGuide(md, { path: guide.path, locale: guide.locale, slug: guide.slug, format: guide.format }).guide;
  const where = `${guide.path}\n----\n${md}`;
  expect(again.steps.map((s) => s.id), where).toEqual(guide.steps.map((s) => s.id));
  expect(again.steps.map((s) => s.hash), where).toEqual(guide.steps.map((s) => s.hash));
  expect(withoutPositions(again.steps), where).toEqual(withoutPositions(guide.steps));
  expect(again.sections.map((s) => [s.kind, s.heading, s.hash]), where).toEqual(guide.sections.map((s) => [s.kind, s.heading, s.hash]));
  expect(withoutPositions(again.sections.map((s) => s.blocks)), where).toEqual(withoutPositions(guide.sections.map((s) => s.blocks)));
  expect(again.frontmatter, where).toEqual(guide.frontmatter);
  expect(again.title).toBe(guide.title);
  expect(again.hash, where).toBe(guide.hash);
  // A second pass is a fixed point: normalised Markdown renders to itself.
  expect(renderMarkdown(again)).toBe(md);
  // The serializer shortcuts change nothing: the plain serializer writes the same bytes.
  expect(serializeGuide(guide, false), where).toBe(md);
}

describe('renderMarkdown', () => {
  it('round-trips the fixture guides', () => {
    for (const guide of [...fixtureGuides('site'), ...fixtureGuides('xss-site')]) roundTrip(guide);
  });

  it('writes UI labels back as *<u>…</u>* and dates as written', () => {
    const guide = fixtureGuides('site').find((g) => g.locale === 'fr' && g.slug === 'composants');
    const md = renderMarkdown(guide as Guide);
    expect(md).toContain('*<u>Services</u>*');
    expect(md).toContain('*<u>Arrêter</u>*');
    expect(md).toContain('date: "2025-04-02T10:00:00-04:00"');
    expect(md).toContain('<Notice type="warning">');
  });

  it('keeps text over `---` under a plain `#` title a setext heading (with `##` it would open a section)', () => {
    for (const body of ['# Titre\n\nTexte\n---\n\nSuite.\n', 'Avant\n=\n![image](/a.png)\n---\n', '## Partie\n\nSous\n---\n']) {
      const guide = parseGuide(`---\ntitle: "t"\n---\n\n${body}`, { path: 'p.md', locale: 'fr' }).guide;
      roundTrip(guide);
      expect(renderMarkdown(guide)).toMatch(/\n-+\n/);
    }
  });

  it('writes front matter fields named like Object members and lists of plain values', () => {
    const guide = parseGuide('---\ntitle: "t"\ntags: [a, b]\n__proto__: {"x": 1}\nvalueOf: 2\n"a key": "yes"\n---\n\nTexte.\n', { path: 'p.md', locale: 'fr' }).guide;
    const md = renderMarkdown(guide);
    expect(md.startsWith('---\ntitle: "t"\ntags:\n  - "a"\n  - "b"\n__proto__: {"x":1}\nvalueOf: 2\n"a key": "yes"\n---\n\n')).toBe(true);
    roundTrip(guide);
  });
});

describe.skipIf(!corpusGuard())('renderMarkdown over the corpus', () => {
  it('round-trips every corpus guide (steps, blocks, hashes)', () => {
    const guides = corpusGuides();
    expect(guides.length).toBeGreaterThan(80);
    for (const guide of guides) roundTrip(guide, true);
  });
});
