import type { Diagnostic } from '@guidekit/model';
import type { RenderContext } from '@guidekit/render';
import { defineFormat } from '../format.js';
import type { FormatContext, GuideInput, OutputFile, SiteInput } from '../format.js';
import { assetRoots, encodePath, imageInputs, loadRender, publishedImage, siteInfo } from './shared.js';

function renderContext(ctx: FormatContext, diagnostics: Diagnostic[], createImageInfo: typeof import('@guidekit/render').createImageInfo): RenderContext {
  return {
    site: siteInfo(ctx),
    // Pages live at html/<locale>/<slug>/index.html: two folders below html/.
    assetHref: (url, guide) => {
      const published = publishedImage(url, guide, ctx);
      return published ? `../../${encodePath(published.rel)}` : url;
    },
    imageInfo: createImageInfo(assetRoots(ctx)),
    onDiagnostic: (d) => diagnostics.push(d),
  };
}

/**
 * The HTML site: `html/<locale>/<slug>/index.html` per guide (its language switcher makes it
 * depend on its translations), then `html/index.html`, `html/<locale>/index.html`, the images
 * the pages use, copied from the static folder, and `html/sitemap.xml` when the site's URL is
 * configured.
 */
export const html = defineFormat({
  name: 'html',
  description: 'HTML site: home page, per-locale indexes, one page per guide',
  version: '1',
  dependsOn: 'group',
  inputs: (input, ctx) => (input.kind === 'guide' ? imageInputs(input.guide, ctx) : input.guides.map((g) => imageInputs(g, ctx))),
  async render(input, ctx) {
    const { guide, translations } = input as GuideInput;
    const diagnostics: Diagnostic[] = [];
    const { createImageInfo, renderHtml } = await loadRender();
    const page = await renderHtml(guide, { ...renderContext(ctx, diagnostics, createImageInfo), translations });
    return { files: [{ path: `html/${guide.locale}/${guide.slug}/index.html`, data: page }], diagnostics };
  },
  async renderIndex(input: SiteInput, ctx) {
    const diagnostics: Diagnostic[] = [];
    const { createImageInfo, renderHomePage, renderLocaleIndex, renderSitemap } = await loadRender();
    const rc = renderContext(ctx, diagnostics, createImageInfo);
    const files: OutputFile[] = [];
    // Images first: the pages already written point at them.
    const seen = new Set<string>();
    for (const guide of input.guides) {
      for (const url of ctx.imageUrls(guide)) {
        const published = publishedImage(url, guide, ctx);
        if (!published || seen.has(published.rel)) continue;
        seen.add(published.rel);
        files.push({ path: `html/${published.rel}`, copyFrom: published.file });
      }
    }
    for (const locale of [...new Set(input.guides.map((g) => g.locale))].sort()) {
      files.push({ path: `html/${locale}/index.html`, data: renderLocaleIndex(locale, input.guides, rc) });
    }
    files.push({ path: 'html/index.html', data: renderHomePage(input.guides, rc) });
    // Only a site with a known address has absolute URLs to list.
    const sitemap = renderSitemap(input.guides, rc);
    if (sitemap !== undefined) files.push({ path: 'html/sitemap.xml', data: sitemap });
    return { files, diagnostics };
  },
});
