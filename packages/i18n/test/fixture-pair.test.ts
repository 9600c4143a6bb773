import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintPair } from '../src/index.js';
import { doc } from './helpers/docs.js';

const read = (name: string) => readFileSync(new URL(`./fixtures/pair/${name}`, import.meta.url), 'utf8');

describe('a faithful translation', () => {
  it('has no diagnostics at all', () => {
    const found = lintPair({ source: doc(read('fr.md'), 'fr', 'fr/queue.md'), translation: doc(read('en.md'), 'en', 'en/queue.md') });
    expect(found).toEqual([]);
  });
});
