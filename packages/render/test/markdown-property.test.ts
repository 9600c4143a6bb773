import { parseGuide } from '@guidekit/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/index.js';
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
});
