import type { FrontmatterFields } from '@guidekit/model';
import type { KeywordsOption } from './keywords.js';

/** Options of `parseGuide`. */
export interface ParseOptions {
  /** Path of the file, relative to the content root (POSIX); used in diagnostics and `guide.path`. Default `''`. */
  path?: string;
  /**
   * BCP 47 locale of the guide (`fr`, `en-US`). Default: the front matter's `locale`, else the
   * path's suffix (`x.fr.md`), else its nearest locale folder (`fr/x.md`); else `und` with a
   * `parse/locale-unknown` warning.
   */
  locale?: string;
  /** Pairing key across locales. Default: front matter `translationKey`, else the file stem
   *  without `.<locale>` and extension (`guide.fr.md` → `guide`). */
  slug?: string;
  /** `md` or `mdx`. Default: from the path's extension. */
  format?: 'md' | 'mdx';
  /** Extra step and section words per locale, added to `defaultKeywords`. */
  keywords?: KeywordsOption;
  /** Largest file parsed, in UTF-8 bytes (default 256 KiB); larger files are kept raw. */
  maxBytes?: number;
  /** Front matter fields the project declares (`guidekit.config.json` `frontmatter`). */
  frontmatter?: FrontmatterFields;
  /** Deepest block nesting parsed (default 200); deeper files are kept raw. */
  maxDepth?: number;
}
