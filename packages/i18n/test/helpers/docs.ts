import { parseGuide } from '@guidekit/parser';
import type { GuideDoc } from '../../src/index.js';

/** Parse Markdown text into a guide document, as the CLI would from a file. */
export function doc(text: string, locale: string, path = `${locale}/guide.md`, slug = 'guide'): GuideDoc {
  const { guide } = parseGuide(text, { path, locale, slug });
  return { guide, text };
}
