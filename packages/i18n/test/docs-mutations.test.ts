import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintPair } from '../src/index.js';
import { doc } from './helpers/docs.js';

// One defect at a time in the translation of the docs fixture (English source, French
// translation, MDX): each is reported by its rule at its line, with at most one other message.
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/docs');
const en = readFileSync(path.join(dir, 'guides/setup.mdx'), 'utf8');
const fr = readFileSync(path.join(dir, 'fr/guides/setup.mdx'), 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
const run = (translation: string) => lintPair({ source: doc(en, 'en', 'guides/setup.mdx', 'setup'), translation: doc(translation, 'fr', 'fr/guides/setup.mdx', 'setup') });

const section = (text: string, heading: string) => {
  const start = text.indexOf(`\n## ${heading}\n`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start, next === -1 ? undefined : next);
};

const mutations: { name: string; rule: string; text: string; line: (text: string) => number }[] = [
  { name: 'a code token changed in a shared line', rule: 'i18n/code-mismatch', text: fr.replace('range: 1000,', 'range: 2000,'), line: (t) => lineOf(t, 'range: 2000') },
  { name: 'an absolute link changed', rule: 'i18n/link-mismatch', text: fr.replace('https://developer.mozilla.org/fr/docs/Web/HTML', 'https://developer.mozilla.org/fr/docs/Web/CSS'), line: (t) => lineOf(t, 'Web/CSS') },
  { name: 'a number changed', rule: 'i18n/number-mismatch', text: fr.replace('les 3 miroirs', 'les 4 miroirs'), line: (t) => lineOf(t, '4 miroirs') },
  { name: 'an image URL changed', rule: 'i18n/image-mismatch', text: fr.replace('/images/beam.png', '/images/beam-2.png'), line: (t) => lineOf(t, 'beam-2.png') },
  { name: 'a whole ## section deleted', rule: 'i18n/missing-section', text: fr.replace(section(fr, 'Configuration'), ''), line: (t) => lineOf(t, '## Dépannage') },
  { name: 'a section added', rule: 'i18n/extra-section', text: fr.replace('\n## Dépannage\n', '\n## Remarques\n\n:::note\nUne remarque.\n:::\n\n```sh\nkeeper status\n```\n\n## Dépannage\n'), line: (t) => lineOf(t, '## Remarques') },
  {
    name: 'two sections swapped',
    rule: 'i18n/section-order',
    text: fr.replace(section(fr, 'Installation') + section(fr, 'Configuration'), section(fr, 'Configuration') + section(fr, 'Installation')),
    line: (t) => lineOf(t, '## Installation'),
  },
];

describe('mutations of a docs page (MDX, root-locale layout)', () => {
  it('the faithful translation is clean', () => {
    expect(run(fr)).toEqual([]);
  });
  for (const mutation of mutations) {
    it(`${mutation.name}: ${mutation.rule} at its line, at most one other message`, () => {
      expect(mutation.text).not.toBe(fr);
      const found = run(mutation.text);
      const hit = found.filter((d) => d.ruleId === mutation.rule);
      expect(hit.map((d) => d.line)).toEqual([mutation.line(mutation.text)]);
      expect(found.length - hit.length).toBeLessThanOrEqual(1);
    });
  }
});
