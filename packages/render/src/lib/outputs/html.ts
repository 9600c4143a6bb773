import { join } from 'node:path';
import type { Diagnostic, Guide } from '@guidekit/model';
import { createImageInfo } from '../assets.js';
import { SITE_STYLESHEET, SITE_STYLESHEET_PATH } from '../css.js';
import type { RenderContext } from '../context.js';
import { defineFormat } from '../format.js';
import type { FormatContext, OutputFile, SiteInput, SiteWatch } from '../format.js';
import type { SearchPrefetch } from '../search-index.js';
import { buildReporter, pageSettings } from '../page-settings.js';
import { assetRoots, encodePath, imageInputs, publishedImage, siteInfo } from './shared.js';

/**
 * The html format's options (`publish({ formatOptions: { html: … } })`, part of every key), over
 * the same settings of `guidekit.config.json`: MDX components (renderers or aliases), chrome words
 * per language, wrapped code, the authors' schema.org type.
 */
export interface HtmlFormatOptions {
  components?: RenderContext['components'];
  strings?: RenderContext['strings'];
  codeWrap?: boolean;
  authorType?: 'Person' | 'Organization';
  authors?: Readonly<Record<string, 'Person' | 'Organization'>>;
}

/** What every page of the site is rendered with: site facts, page settings, image URLs and sizes, a diagnostics sink. */
function renderContext(ctx: FormatContext, diagnostics: Diagnostic[]): RenderContext {
  const { authorType, authors, ...page } = pageSettings(ctx);
  return {
    site: { ...siteInfo(ctx), ...(authorType ? { authorType } : {}), ...(authors ? { authors } : {}) },
    ...page,
    // Pages live at html/<locale>/<slug>/index.html: two folders below html/.
    assetHref: (url, guide) => {
      const published = publishedImage(url, guide, ctx);
      return published ? `../../${encodePath(published.rel)}` : url;
    },
    imageInfo: createImageInfo(assetRoots(ctx)),
    onDiagnostic: buildReporter(ctx, diagnostics),
    stylesheetFile: true,
  };
}

/** The images the pages use, copied from the static folder (or beside the guides), once each. */
function imageFiles(guides: readonly Guide[], ctx: FormatContext): OutputFile[] {
  const files: OutputFile[] = [];
  const seen = new Set<string>();
  for (const guide of guides) {
    for (const url of ctx.imageUrls(guide)) {
      const published = publishedImage(url, guide, ctx);
      if (!published || seen.has(published.rel)) continue;
      seen.add(published.rel);
      files.push({ path: `html/${published.rel}`, copyFrom: published.file });
    }
  }
  return files;
}

/** The search index each watch began (the watch is what the publisher hands back to `site`). */
const prefetches = new WeakMap<SiteWatch, SearchPrefetch>();

/**
 * The HTML site: `html/<locale>/<slug>/index.html` per guide (its language switcher makes it
 * depend on its translations), then `html/index.html`, `html/<locale>/index.html`, the images
 * the pages use, the stylesheet they link (`html/_static/site-<hash>.css`), and `html/sitemap.xml` when the site's URL is configured. A page's sidebar and
 * previous/next depend on the site's index, its notices on its translation state; the site step
 * indexes the committed pages for search (`html/pagefind/`, Pagefind), begun while the pages
 * render: its watch orders the guides by search bundle and indexes each bundle once complete.
 */
export const html = defineFormat({
  id: 'html',
  description: 'HTML site: home page, per-locale indexes, one page per guide',
  version: '1',
  byDefault: true,
  dependsOn: ['translations', 'index', 'translation-state'],
  path: (guide) => `html/${guide.locale}/${guide.slug}/index.html`,
  inputs: (input, ctx) => (input.kind === 'guide' ? imageInputs(input.guide, ctx) : input.guides.map((g) => imageInputs(g, ctx))),
  async render({ guide, translations, translationState }, ctx) {
    const diagnostics: Diagnostic[] = [];
    const { renderHtml } = await import('../formats/html.js');
    const page = await renderHtml(guide, { ...renderContext(ctx, diagnostics), translations, siteGuides: ctx.guides, translation: translationState });
    return {
      files: [{ path: `html/${guide.locale}/${guide.slug}/index.html`, data: page }],
      diagnostics,
    };
  },
  async siteWatch(input) {
    const { SearchPrefetch, GUIDE_PAGE } = await import('../search-index.js');
    const pages = input.files.flatMap(({ rel, sha }) => (rel.startsWith('html/') && GUIDE_PAGE.test(rel.slice(5)) ? [{ path: rel.slice(5), sha }] : []));
    const prefetch = new SearchPrefetch(join(input.out, 'html'), pages);
    const watch: SiteWatch = {
      order: (guide) => prefetch.order(`${guide.locale}/${guide.slug}/index.html`),
      committed: (rel, sha) => {
        if (rel.startsWith('html/')) prefetch.written(rel.slice(5), sha);
      },
      close: () => prefetch.close(),
    };
    prefetches.set(watch, prefetch);
    return watch;
  },
  async site(input, _ctx, watch) {
    const { buildSearchIndex, GUIDE_PAGE } = await import('../search-index.js');
    const pages = input.files.flatMap((rel) => {
      const path = rel.slice('html/'.length);
      return rel.startsWith('html/') && GUIDE_PAGE.test(path) ? [{ path, sha: input.hashes[rel] ?? '' }] : [];
    });
    const { files, diagnostics } = await buildSearchIndex(join(input.out, 'html'), pages, 'html', watch && prefetches.get(watch));
    return { files, diagnostics };
  },
  async renderIndex(input: SiteInput, ctx) {
    const diagnostics: Diagnostic[] = [];
    const { renderHomePage, renderLocaleIndex } = await import('../formats/html.js');
    const { renderSitemap } = await import('../formats/sitemap.js');
    const rc = renderContext(ctx, diagnostics);
    // Images and the stylesheet first: the pages already written point at them.
    const files = imageFiles(input.guides, ctx);
    files.push({ path: `html/${SITE_STYLESHEET_PATH}`, data: SITE_STYLESHEET });
    for (const locale of [...new Set(input.guides.map((g) => g.locale))].sort()) {
      files.push({
        path: `html/${locale}/index.html`,
        data: renderLocaleIndex(locale, input.guides, rc),
      });
    }
    files.push({ path: 'html/index.html', data: renderHomePage(input.guides, rc) });
    // Only a site with a known address has absolute URLs to list.
    const sitemap = renderSitemap(input.guides, rc);
    if (sitemap !== undefined) files.push({ path: 'html/sitemap.xml', data: sitemap });
    return { files, diagnostics };
  },
});
