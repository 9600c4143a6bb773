import type { Diagnostic, Guide } from '@guidekit/model';
import { collectImages, type ImageUse } from './images.js';

/** What a load keeps of every guide without decoding the guide itself. */
export interface GuideSummary {
  slug: string;
  locale: string;
  path: string;
  /** The parser's diagnostics. */
  diagnostics: Diagnostic[];
  /** Images with their places (for the missing-image check). */
  images: ImageUse[];
  /** The guide without its content (see {@link LoadedContent.outlines}). */
  outline: Guide;
}

/**
 * A guide without its content: `sections` empty, steps without `blocks`, `images`, `links`,
 * `code` or `uiLabels` (their titles, ids, numbers and hashes stay). Everything an index, a
 * pairing or a build key needs, at a small fraction of the guide's memory.
 *
 * @param guide A whole guide.
 * @returns A new object sharing the guide's small fields.
 */
export function outlineOf(guide: Guide): Guide {
  return { ...guide, sections: [], steps: guide.steps.map((step) => ({ ...step, blocks: [], images: [], links: [], code: [], uiLabels: [] })) };
}

/**
 * The summary of a freshly parsed guide: what every later load reads from the cache without
 * decoding the guide. Computed when the guide is parsed, and kept in its cache entry apart from
 * the guide, so a load of thousands of cached guides never decodes their trees.
 *
 * @param guide The parsed guide.
 * @param diagnostics The parser's diagnostics.
 * @param source The raw file (for front matter image positions).
 * @returns The summary.
 */
export function summarize(guide: Guide, diagnostics: Diagnostic[], source: string): GuideSummary {
  return { slug: guide.slug, locale: guide.locale, path: guide.path, diagnostics, images: collectImages(guide, source), outline: outlineOf(guide) };
}
