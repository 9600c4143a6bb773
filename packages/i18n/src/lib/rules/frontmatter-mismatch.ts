import { defineRule } from '../rule.js';
import { frontmatterLine } from '../text.js';
import { quote } from '../compare.js';
import { hasSourceLanguageMarks, readsAsSourceLanguage } from '../language.js';

const SAME = ['date', 'image', 'draft'] as const;
const DIFFERENT = ['title', 'description'] as const;

/**
 * A title equal to the source's is fine when it is a name, an identifier or a word of both
 * languages (`Pages`, `Code`, `CSS & Styling`); it was left untranslated when it carries a mark
 * of the source language the target lacks, or when four words or more read as the source
 * language.
 */
function untranslatedText(text: string, from: string, to: string): boolean {
  if (hasSourceLanguageMarks(text, from, to)) return true;
  const words = text.split(/[^\p{L}']+/u).filter(Boolean);
  return words.length >= 4 && readsAsSourceLanguage(text, from, to);
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : quote(Array.isArray(value) ? value.join(', ') : String(value));
}

/** Front matter fields that must follow the source, or must be translated. */
export const frontmatterMismatch = defineRule({
  id: 'i18n/frontmatter-mismatch',
  meta: {
    description: '`date`, `image`, `draft` and the number of `categories` match the source; `title` and `description` are translated.',
    defaultSeverity: 'error',
    category: 'content',
    docs: 'A translation is the same post: same date, same cover image, same draft state, as many categories (their names may be translated). A title or a description equal to the source’s was not translated; empty descriptions on both sides are fine.',
    examples: {
      ok: [
        { sourceLocale: 'en', targetLocale: 'fr', source: '---\ntitle: Badges\ndescription: Show small labels next to text.\n---\nText.', translation: '---\ntitle: Badges\ndescription: Afficher de petites étiquettes à côté du texte.\n---\nTexte.' },
        { source: '---\ntitle: "Bonjour"\ndate: 2025-01-02T10:00:00-05:00\ncategories: ["Teams", "Tutoriel"]\n---\nTexte.', translation: '---\ntitle: "Hello"\ndate: 2025-01-02T10:00:00-05:00\ncategories: ["Teams", "Tutorial"]\n---\nText.' }],
      notOk: [
        { source: '---\ntitle: "Bonjour"\ndate: 2025-01-02T10:00:00-05:00\n---\nTexte.', translation: '---\ntitle: "Hello"\ndate: 2025-01-03T10:00:00-05:00\n---\nText.' },
        { source: '---\ntitle: "Ouvrir le portail avec le compte"\n---\nTexte.', translation: '---\ntitle: "Ouvrir le portail avec le compte"\n---\nText.' },
      ],
    },
  },
  check(context) {
    const a = context.source.guide.frontmatter;
    const b = context.translation.guide.frontmatter;
    const place = (key: string) => ({
      at: frontmatterLine(context.translation.text, key) ?? { line: 1, column: 1 },
      related: frontmatterLine(context.source.text, key) ?? { line: 1, column: 1 },
    });
    for (const key of SAME) {
      if (a[key] === b[key]) continue;
      context.report({ ...place(key), message: `Unexpected ${key} ${show(b[key])}, expected ${show(a[key])} as in the source`, data: { field: key, found: b[key], expected: a[key] } });
    }
    const expectedCategories = a.categories ?? [];
    const foundCategories = b.categories ?? [];
    if (expectedCategories.length !== foundCategories.length) {
      context.report({ ...place('categories'), message: `Unexpected ${foundCategories.length} categories (${show(foundCategories)}), expected ${expectedCategories.length} as in the source (${show(expectedCategories)})`, data: { field: 'categories', found: foundCategories, expected: expectedCategories } });
    }
    for (const key of DIFFERENT) {
      const expected = a[key]?.trim() ?? '';
      const found = b[key]?.trim() ?? '';
      if (expected === '' || found !== expected) continue;
      if (!untranslatedText(found, context.source.guide.locale, context.translation.guide.locale)) continue;
      context.report({ ...place(key), message: `Unexpected ${key} ${show(found)} equal to the source's, expected a translation`, data: { field: key, found } });
    }
  },
});
