import { parseGuide } from '@guidekit/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify as stringifyYaml } from 'yaml';
import { renderMarkdown } from '../src/index.js';
import { serializeGuide } from '../src/lib/formats/markdown.js';
import { withoutPositions } from './helpers.js';

const runs = Math.min(Number(process.env['FC_RUNS'] ?? 200), 2000);

// Lines in the shapes real guides use, plus hostile punctuation: joined at random.
const line = fc.oneof(
  fc.constantFrom(
    '##### Étape 1 : Ouvrir *le menu*',
    '##### Step 2: Go',
    '##### Étape 2 bis : Vérifier',
    '##### Conclusion',
    '##### Sources',
    '###### Sous-titre',
    '---',
    '',
    '- item *<u>Bouton</u>*',
    '- item <br/>',
    '1. premier',
    '**<u>Licences</u>**',
    '![image](/images/a_001.png)',
    '[lien](https://example.org/a?b=c)',
    '```powershell',
    '```',
    'Get-Item "x" | Out-Null',
    '<br/>',
    '<u>*Mal imbriqué</u>*',
    '> citation',
    '    code indenté',
    'Texte avec \\* astérisque et _souligné_ et `code`.',
  ),
  fc.string({ maxLength: 30 }).map((s) => s.replace(/\r/g, '')),
);

describe('renderMarkdown round trip (property)', () => {
  it('parse(render(parse(x))) has the same sections, steps, blocks and hashes', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const text = `---\ntitle: "p"\n---\n\n${lines.join('\n')}\n`;
        const guide = parseGuide(text, { path: 'p.md', locale: 'fr' }).guide;
        const md = renderMarkdown(guide);
        const again = parseGuide(md, { path: 'p.md', locale: 'fr' }).guide;
        expect(again.sections.map((s) => [s.kind, s.heading, s.hash])).toEqual(guide.sections.map((s) => [s.kind, s.heading, s.hash]));
        expect(withoutPositions(again.steps)).toEqual(withoutPositions(guide.steps));
        expect(again.hash).toBe(guide.hash);
      }),
      { numRuns: runs },
    );
  });

  it('writes the same bytes as the serializer without its shortcuts (md and mdx)', () => {
    // Punctuation-heavy fragments: every character an unsafe pattern fires on, next to letters,
    // UI labels, HTML, links and line breaks, so escaping decisions at every edge get exercised.
    const piece = fc.constantFrom(
      ...'*_`\\[]()#-+!&<>|~=.:"\'{}\t'.split(''),
      '**', '<u>', '</u>', '<br/>', '##### Étape 1 : ', '\n', '\n\n', ' ', '1.', '&amp;', 'a', 'é', 'Mot', '😀', '\u00a0',
      '*<u>OK</u>*', '![x](a.png)', '[l](http://x)', '<http://a.b>', '> ', '```', '---', '_a_', 'x_y',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom('md' as const, 'mdx' as const), (pieces, format) => {
        const guide = parseGuide(`---\ntitle: "p"\n---\n\n${pieces.join('')}\n`, { path: `p.${format}`, locale: 'fr', format }).guide;
        expect(renderMarkdown(guide)).toBe(serializeGuide(guide, false));
      }),
      { numRuns: runs * 5 },
    );
  });
});

/** A value as JSON reads it back (what every JSON consumer of a Guide sees). */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

describe('renderMarkdown front matter (property)', () => {
  it('reads back the same front matter: known fields, any JSON in extra fields, odd keys and characters', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ':', '#', '"', "'", '\\', '\n', '\t', '-', '{', '[', '\u007f', '\u0085', '\u2028', '\ufeff', '😀', 'yes', '2024-01-02', '1e3', '~') });
    const key = fc.oneof(fc.constantFrom('tags', 'on', 'yes', 'No', 'null', '~', 'a b', 'x:y', '"q"', '1', '-k', 'é'), fc.string({ minLength: 1, maxLength: 8 }));
    fc.assert(
      fc.property(
        fc.record({ title: text, description: text, date: fc.constantFrom('2024-07-22', '2024-07-22T10:00:00Z', 'demain') }, { requiredKeys: ['title'] }),
        fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        (known, extra) => {
          // The input is written by a YAML library, as a writer's tool would.
          const yaml = stringifyYaml({ ...extra, ...known });
          const source = parseGuide(`---\n${yaml}---\n\nTexte.\n`, { path: 'p.md', locale: 'fr' });
          fc.pre(source.diagnostics.every((d) => d.severity !== 'error'));
          const md = renderMarkdown(source.guide);
          const again = parseGuide(md, { path: 'p.md', locale: 'fr' });
          expect(again.diagnostics.filter((d) => d.severity === 'error'), md).toEqual([]);
          // Compared as JSON, which a Guide is (guide.schema.json): JSON has no -0 (`JSON.stringify(-0)`
          // is `0`), so YAML's `-0` read back as `0` is the same value in every published format.
          expect(asJson(again.guide.frontmatter), md).toEqual(asJson(source.guide.frontmatter));
        },
      ),
      { numRuns: runs * 2 },
    );
  });
});
