import { byCodeUnit } from '@guidekit/model';
import type { Guide } from '@guidekit/model';
import type { Format, FormatContext } from '@guidekit/render/formats';
import type { PublishOptions } from './options.js';
import type { Setup } from './setup.js';

/** The site as every stage sees it: outlines, groups by slug, locales, and one context per format. */
export interface Site {
  guides: Guide[];
  groups: Map<string, Guide[]>;
  locales: string[];
  contexts: Map<Format<any>, FormatContext>;
  /** The whole guide of an outline (the last one asked for stays decoded: the formats of one guide render in a row). */
  wholeGuide(outline: Guide): Guide;
}

/** Guides by slug, each group sorted by locale. */
function groupBySlug(guides: readonly Guide[]): Map<string, Guide[]> {
  const groups = new Map<string, Guide[]>();
  for (const guide of guides) {
    const group = groups.get(guide.slug);
    if (group) group.push(guide);
    else groups.set(guide.slug, [guide]);
  }
  for (const group of groups.values()) group.sort((a, b) => byCodeUnit(a.locale, b.locale));
  return groups;
}

/**
 * The site of a setup: outlines (every guide without its content: keys, groups and indexes need
 * no more; a unit that renders a guide decodes it then and lets it go, so the memory of a build
 * does not grow with the number of guides' trees) and one context per selected format.
 */
export function siteOf(setup: Setup, options: PublishOptions): Site {
  const { content } = setup;
  const guides = [...content.outlines];
  const groups = groupBySlug(guides);
  const locales = [...new Set(guides.map((g) => g.locale))].sort();
  // Only the last guide: a build decodes each guide once for all its units, and holds one at a time.
  let last: { path: string; guide: Guide } | undefined;
  const wholeGuide = (outline: Guide): Guide => {
    if (last?.path !== outline.path) last = { path: outline.path, guide: content.loadGuide(outline.path) ?? outline };
    return last.guide;
  };
  const imageUrls = (guide: Guide): string[] => [...new Set(content.imagesOf(guide.path).map((use) => use.url))];
  const memo = new Map<string, unknown>();
  const ids = setup.formats.map((f) => f.id);
  const contexts = new Map<Format<any>, FormatContext>();
  for (const format of setup.formats) {
    contexts.set(format, {
      root: content.root,
      out: setup.out,
      config: setup.config,
      staticDir: content.staticDir,
      options: options.formatOptions?.[format.id] ?? {},
      guides,
      locales,
      formats: ids,
      groups,
      memo,
      imageUrls,
      loadGuide: wholeGuide,
    });
  }
  return { guides, groups, locales, contexts, wholeGuide };
}
