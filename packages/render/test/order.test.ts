import { describe, expect, it } from 'vitest';
import { byCodeUnit } from '@guidekit/model';
import { collate } from '../src/lib/order.js';

describe('orders of printed lists', () => {
  it("sorts titles in the guide's language, whatever the machine's (an explicit collator)", () => {
    const titles = ['Zèbre', 'Étape', 'Eau', 'été'];
    expect([...titles].sort((a, b) => collate('fr', a, b))).toEqual(['Eau', 'Étape', 'été', 'Zèbre']);
    // Code units would put the accented capital after Z: the collator does not.
    expect([...titles].sort(byCodeUnit)).toEqual(['Eau', 'Zèbre', 'Étape', 'été']);
    // A tag no collator knows falls back to the root collation instead of throwing.
    expect(collate('not a tag!', 'b', 'a')).toBeGreaterThan(0);
  });
});
