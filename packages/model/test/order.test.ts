import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byCodeUnit } from '../src/index.js';

describe('byCodeUnit', () => {
  it('sorts identifiers by UTF-16 code unit, not by any language', () => {
    expect(['b', 'C', 'é', 'e-2', 'e'].sort(byCodeUnit)).toEqual(['C', 'b', 'e', 'e-2', 'é']);
    expect(['fr-CA', 'fr', 'en-US', 'en'].sort(byCodeUnit)).toEqual(['en', 'en-US', 'fr', 'fr-CA']);
    expect(byCodeUnit('', '')).toBe(0);
    expect(byCodeUnit('fr', 'fr')).toBe(0);
    expect(byCodeUnit('', 'a')).toBe(-1);
  });

  it('is a total order that agrees with comparing the UTF-16 code units one by one', () => {
    const units = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
    const reference = (a: string, b: string) => {
      const x = units(a);
      const y = units(b);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return Math.sign(x[i]! - y[i]!);
      return Math.sign(x.length - y.length);
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(byCodeUnit(a, b)).toBe(reference(a, b));
        expect(byCodeUnit(b, a)).toBe(reference(b, a));
      }),
    );
  });
});
