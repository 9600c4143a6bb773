import { describe, expect, it } from 'vitest';
import { lintPair } from '../src/index.js';
import { doc } from './helpers/docs.js';

// Messages quote text as the author wrote it (case, accents, punctuation), whole, so it can be
// searched for in the file; the normalised form is only what the rule compares.
describe('i18n messages', () => {
  it('quotes an untranslated paragraph as written, not normalised, and never cuts it', () => {
    const para = 'Cliquez sur le bouton *<u>Save</u>* pour enregistrer, puis fermez la fenêtre de configuration avancée du serveur.';
    const source = doc(`---\ntitle: T\n---\n##### Étape 1 : A\n${para}\n`, 'fr', 'fr/x.md');
    const translation = doc(`---\ntitle: T\n---\n##### Step 1: A\n${para}\n`, 'en', 'en/x.md');
    const hits = lintPair({ source, translation }).filter((d) => d.ruleId === 'i18n/untranslated');
    expect(hits.map((d) => [d.line, d.message])).toEqual([
      [5, `Unexpected untranslated text \`${para}\`, expected it translated into \`en\``],
    ]);
  });

  it('ends the untranslated tag message with what is expected', () => {
    const source = doc('---\ntitle: T\ntags: [Conformité]\n---\n##### Étape 1 : A\nTexte.\n', 'fr', 'fr/x.md');
    const translation = doc('---\ntitle: T\ntags: [Conformité]\n---\n##### Step 1: A\nText.\n', 'en', 'en/x.md');
    const hits = lintPair({ source, translation }).filter((d) => d.ruleId === 'i18n/untranslated');
    expect(hits.map((d) => d.message)).toEqual(['Unexpected untranslated tag `Conformité`, expected it translated into `en`']);
  });
});
