import { byCodeUnit } from '@guidekit/model';
import type { Guide } from '@guidekit/model';
import type { Format, FormatContext } from '@guidekit/render/formats';
import type { PublishOptions } from './options.js';
import type { Setup } from './setup.js';

/** Whole guides kept decoded at once (the formats of one guide render in a row). */
const RECENT_GUIDES = 8;

/** The site as every stage sees it: outlines, groups by slug, locales, and one context per format. */
export interface Site {
  guides: Guide[];
  groups: Map<string, Guide[]>;
  locales: string[];
  contexts: Map<Format<any>, FormatContext>;
  /** The whole guide of an outline (the last few stay decoded). */
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
  const recent = new Map<string, Guide>();
  const wholeGuide = (outline: Guide): Guide => {
    let guide = recent.get(outline.path);
    if (guide) return guide;
    guide = content.loadGuide(outline.path) ?? outline;
    recent.set(outline.path, guide);
    if (recent.size > RECENT_GUIDES) recent.delete(recent.keys().next().value as string);
    return guide;
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
