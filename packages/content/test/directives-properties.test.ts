import type { Diagnostic } from '@guidekit/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyInlineDirectives } from '../src/index.js';

const numRuns = Number(process.env.FC_RUNS ?? 200);

const position = fc.integer({ min: 1, max: 500 });
const diagnostic: fc.Arbitrary<Diagnostic> = fc.record({
  file: fc.constantFrom('fr/a.md', 'en/b.md'),
  line: position,
  column: position,
  severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
  ruleId: fc.constantFrom('a/r', 'r', 'content/missing-image', 'i18n/code-mismatch'),
  message: fc.string({ minLength: 1 }),
});

describe('inline directives (properties)', () => {
  it('directives never throw and only ever remove diagnostics, keeping their order', () => {
    const piece = fc.constantFrom(
      '<!-- guidekit-disable -->',
      '<!-- guidekit-enable -->',
      '<!-- guidekit-disable a/r -->',
      '<!-- guidekit-disable-next-line r -->',
      '{/* guidekit-enable r */}',
      '```',
      '~~~',
      '<!--',
      '-->',
      '\n',
      '\r\n',
      'text',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), fc.array(diagnostic, { maxLength: 6 }), (parts, list) => {
        const source = parts.join('');
        const out = applyInlineDirectives(list, () => source);
        let i = 0;
        for (const d of out) {
          while (i < list.length && list[i] !== d) i++;
          expect(i).toBeLessThan(list.length);
          i++;
        }
        if (!source.includes('guidekit-')) expect(out).toEqual(list);
      }),
      { numRuns },
    );
  });
});
