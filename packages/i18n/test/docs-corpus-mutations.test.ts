import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@guidekit/model';
import { lintPair } from '../src/index.js';
import { docsPairs, hasCorpusDocs, noteCorpusDocs } from './helpers/corpus-docs.js';
import { addSection, changeAbsoluteLink, changeCodeToken, changeImageUrl, changeNumber, deleteSection, swapSections, type TextMutation } from './helpers/docs-mutators.js';
import { doc } from './helpers/docs.js';

noteCorpusDocs();

// One defect at a time written into real French translations of the Starlight docs (read at
// test time, never copied): each must be reported by its rule at its line, with at most one
// other new message. Pages are a few that a reader found faithful (they lint clean); the image
// page has known true findings, which are the baseline.
const CLEAN = ['getting-started.mdx', 'guides/customization.mdx', 'guides/overriding-components.mdx', 'guides/site-search.mdx', 'manual-setup.mdx', 'reference/frontmatter.md', 'guides/project-structure.mdx'];
const IMAGES = ['guides/authoring-content.mdx'];

const mutations: { name: string; rule: string; apply: (translation: string, source: string) => TextMutation | undefined }[] = [
  { name: 'a code token changed in a shared line', rule: 'i18n/code-mismatch', apply: changeCodeToken },
  { name: 'an absolute link changed', rule: 'i18n/link-mismatch', apply: changeAbsoluteLink },
  { name: 'a number changed', rule: 'i18n/number-mismatch', apply: changeNumber },
  { name: 'an image URL changed', rule: 'i18n/image-mismatch', apply: changeImageUrl },
  { name: 'a whole ## section deleted', rule: 'i18n/missing-section', apply: deleteSection },
  { name: 'a section added', rule: 'i18n/extra-section', apply: addSection },
  { name: 'two sections swapped', rule: 'i18n/section-order', apply: swapSections },
];

const key = (d: Diagnostic) => `${d.ruleId}@${d.line}`;

describe.skipIf(!hasCorpusDocs)('mutations of real docs translations (Starlight, en → fr)', () => {
  const pairs = docsPairs('fr').filter((p) => CLEAN.includes(p.file) || IMAGES.includes(p.file));
  const lint = (file: string, en: string, fr: string) => {
    const slug = file.replace(/\.mdx?$/, '');
    return lintPair({ source: doc(en, 'en', file, slug), translation: doc(fr, 'fr', `fr/${file}`, slug) });
  };
  const baselines = new Map(pairs.map((p) => [p.file, lint(p.file, p.en, p.translation)]));

  it('the chosen faithful pages lint clean', () => {
    expect(pairs.length).toBe(CLEAN.length + IMAGES.length);
    for (const file of CLEAN) expect(baselines.get(file)!.map(key), file).toEqual([]);
  });
  for (const mutation of mutations) {
    it(`${mutation.name}: ${mutation.rule} at its line, at most one other new message`, () => {
      let tried = 0;
      for (const pair of pairs) {
        const lineKeeping = mutation.rule !== 'i18n/missing-section' && mutation.rule !== 'i18n/extra-section' && mutation.rule !== 'i18n/section-order';
        if (!CLEAN.includes(pair.file) && !lineKeeping) continue;
        const mutated = mutation.apply(pair.translation, pair.en);
        if (!mutated) continue;
        tried++;
        const before = new Set(baselines.get(pair.file)!.map(key));
        const found = lint(pair.file, pair.en, mutated.text).filter((d) => !before.has(key(d)));
        const hit = found.filter((d) => d.ruleId === mutation.rule);
        const where = `${pair.file}: ${found.map((d) => `${key(d)} ${d.message}`).join('; ')}`;
        expect(hit.map((d) => d.line), where).toEqual([mutated.line]);
        expect(found.length - hit.length, where).toBeLessThanOrEqual(1);
        if (tried === 3) break;
      }
      // Only one of the chosen pages has an image; every other defect is tried on two or three pages.
      expect(tried, 'pages this defect was written into').toBeGreaterThanOrEqual(mutation.rule === 'i18n/image-mismatch' ? 1 : 2);
    });
  }
});
