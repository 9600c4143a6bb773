import type { KeywordsOption } from './keywords.js';

/** Options of `parseGuide`. */
export interface ParseOptions {
  /** Path of the file, relative to the content root (POSIX); used in diagnostics and `guide.path`. */
  path: string;
  /** BCP 47 locale of the guide (`fr`, `en-US`). */
  locale: string;
  /** Pairing key across locales. Default: front matter `translationKey`, else the file stem
   *  without `.<locale>` and extension (`guide.fr.md` → `guide`). */
  slug?: string;
  /** `md` or `mdx`. Default: from the path's extension. */
  format?: 'md' | 'mdx';
  /** Extra step and section words per locale, added to `defaultKeywords`. */
  keywords?: KeywordsOption;
  /** Largest file parsed, in UTF-8 bytes (default 256 KiB); larger files are kept raw. */
  maxBytes?: number;
  /** Deepest block nesting parsed (default 200); deeper files are kept raw. */
  maxDepth?: number;
}
