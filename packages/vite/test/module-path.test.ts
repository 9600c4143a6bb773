import fc from 'fast-check';
import { expect, it } from 'vitest';
import { guideModulePath } from '../src/index.js';

const runs = Number(process.env.FC_RUNS ?? 200);

it('module paths are safe and never shared, even ignoring case (property)', () => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1 }),
      fc.string({ minLength: 1 }),
      fc.constantFrom('fr', 'en', 'pt-BR', 'x y'),
      (a, b, locale) => {
        const pa = guideModulePath({ slug: a, locale });
        const pb = guideModulePath({ slug: b, locale });
        // One folder, one file name, nothing a URL decodes or a path climbs out of.
        expect(pa.split('/')).toHaveLength(2);
        expect(pa).toMatch(/^[A-Za-z0-9_-]+\/[a-z0-9][a-z0-9._-]*$/);
        expect(pa).not.toContain('..');
        if (a !== b) expect(pa.toLowerCase()).not.toBe(pb.toLowerCase());
        // Pure: the same guide always gets the same path.
        expect(guideModulePath({ slug: a, locale })).toBe(pa);
      },
    ),
    { numRuns: runs },
  );
});
