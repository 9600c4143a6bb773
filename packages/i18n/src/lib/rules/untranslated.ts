import { defineRule } from '../rule.js';
import { quote } from '../compare.js';
import { factsOf } from '../facts.js';
import { hasSourceLanguageMarks, sourceLanguagePhrase } from '../language.js';
import { frontmatterLine } from '../text.js';
import type { Position } from '@guidekit/model';

/**
 * Whether a block equal to the source's is evidence of a missed translation: it must carry a
 * mark of the source language (a function word such as `pour`, an accented letter such as `é`)
 * that the target language lacks. Product names (`Microsoft Teams`), UI field lists copied on
 * purpose (`Match type`) and words spelled alike (`Introduction`) carry none. For a source
 * language without hints, four words or more are required.
 */
function judgeable(raw: string, prose: string, sourceLocale: string, targetLocale: string): boolean {
  const words = prose.split(' ').filter((word) => /\p{L}/u.test(word));
  if (words.length === 0) return false;
  const marked = hasSourceLanguageMarks(raw, sourceLocale, targetLocale);
  return marked ?? words.length >= 4;
}

/**
 * The block as the author wrote it (Markdown and all), so the quoted text can be searched for in
 * the file; the block's reduced text when its position spans no text (headings are placed by
 * their first character).
 */
function asWritten(text: string, block: { raw: string; position?: Position | undefined }): string {
  const at = block.position;
  if (!at || (at.end.line === at.start.line && at.end.column - at.start.column <= 1)) return block.raw;
  const lines = text.split(/\r?\n/).slice(at.start.line - 1, at.end.line);
  if (lines.length === 0) return block.raw;
  lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, at.end.column - 1);
  lines[0] = lines[0]!.slice(at.start.column - 1);
  const written = lines.join(' ').replace(/\s+/g, ' ').trim();
  return written || block.raw;
}

/** A paragraph of the translation is the source's paragraph, untranslated. */
export const untranslated = defineRule({
  id: 'i18n/untranslated',
  meta: {
    description: 'No paragraph, heading, list item, tag or category of the translation is a copy of the source’s prose.',
    defaultSeverity: 'warning',
    category: 'content',
    docs: 'Prose is what remains of a paragraph once code, URLs, UI labels, emphasised product names and HTML are removed; it is compared case- and punctuation-insensitively with every prose block of the source (a pasted paragraph may land in another step). A copy counts only when it carries a mark of the source language that the target lacks (a function word such as `pour`, a letter such as `é`), so product names, UI field names kept on purpose and words spelled alike (`Introduction`) are not alarms; the sources section (titles of external pages) is not judged. Off when both sides share a language.',
    examples: {
      ok: [{ source: '##### Étape 1 : A\nCliquez sur le bouton *<u>Save</u>* pour enregistrer.', translation: '##### Step 1: A\nClick the *<u>Save</u>* button to save.' }],
      notOk: [
        { source: '##### Étape 1 : A\nCliquez sur le bouton *<u>Save</u>* pour enregistrer.', translation: '##### Step 1: A\nCliquez sur le bouton *<u>Save</u>* pour enregistrer.' },
        { source: '##### Étape 1 : A\n- Le forfait avec appels illimités pour les équipes : 12 $ par mois', translation: '##### Step 1: A\n- Le forfait avec appels illimités pour les équipes: 12 $ per month' },
      ],
    },
  },
  check(context) {
    const language = (locale: string) => locale.toLowerCase().split(/[-_]/)[0];
    if (language(context.source.guide.locale) === language(context.translation.guide.locale)) return;
    const sourceProse = new Map<string, Position | undefined>();
    for (const pair of context.alignment.units) {
      if (!pair.source) continue;
      for (const block of factsOf(pair.source).prose) if (!sourceProse.has(block.prose)) sourceProse.set(block.prose, block.position);
    }
    const from = context.source.guide.locale;
    const to = context.translation.guide.locale;
    // Tags and categories are words readers see too (`Conformité` left in an English post).
    for (const key of ['categories', 'tags'] as const) {
      const theirs = new Set(context.source.guide.frontmatter[key] ?? []);
      for (const item of context.translation.guide.frontmatter[key] ?? []) {
        if (!theirs.has(item) || !hasSourceLanguageMarks(item, from, to)) continue;
        context.report({
          at: frontmatterLine(context.translation.text, key) ?? { line: 1, column: 1 },
          related: frontmatterLine(context.source.text, key) ?? { line: 1, column: 1 },
          message: `Unexpected untranslated ${key === 'tags' ? 'tag' : 'category'} ${quote(item)}, expected it translated into \`${to}\``,
          data: { field: key, text: item },
        });
      }
    }
    for (const pair of context.alignment.units) {
      // Source lists name external pages by their own titles, in whatever language they are.
      if (!pair.translation || pair.translation.section.kind === 'sources') continue;
      for (const block of factsOf(pair.translation).prose) {
        if (!block.prose) continue;
        if (!sourceProse.has(block.prose)) {
          // A translated sentence may still hold a phrase of the source language.
          const phrase = sourceLanguagePhrase(block.unlinked ?? block.raw, from, to);
          if (phrase) context.report({ at: block.position, message: `Unexpected untranslated phrase ${quote(phrase)}, expected it in the translation's language`, data: { text: phrase } });
          continue;
        }
        if (!judgeable(block.raw, block.prose, from, to)) continue;
        const written = asWritten(context.translation.text ?? '', block);
        context.report({
          at: block.position,
          related: sourceProse.get(block.prose),
          message: `Unexpected untranslated text ${quote(written)}, expected it translated into \`${to}\``,
          data: { text: written },
        });
      }
    }
  },
});
