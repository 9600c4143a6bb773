import { byCodeUnit, type Guide } from '@guidekit/model';
import type { Element as XastElement } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import { pageUrl, siteHref } from '../context.js';
import type { RenderContext } from '../context.js';
import { localeVersions } from '../page.js';
import { safeLang } from '../strings.js';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * The site's `sitemap.xml` (sitemaps.org 0.9): the home page, each locale's index and every
 * guide's page, each guide with `<xhtml:link rel="alternate" hreflang>` for every locale it exists
 * in (itself included) plus `x-default` for the source locale, the form search engines read
 * for translated pages. Built as an XML tree and serialized by `xast-util-to-xml`, so titles and
 * slugs are escaped by the serializer, never by hand. URLs need the site's address: without
 * `ctx.site.baseUrl` there is nothing absolute to list and the result is `undefined`.
 *
 * @param guides Every guide of the site (outlines are enough: slug, locale).
 * @param ctx Site URL, locales and source locale.
 * @returns The XML text, or `undefined` when the site has no base URL (or one that is not a URL).
 */
export function renderSitemap(guides: readonly Guide[], ctx: RenderContext = {}): string | undefined {
  const base = ctx.site?.baseUrl;
  const home = base ? siteHref(base, '') : undefined;
  if (!base || !home) return undefined;
  const bySlug = new Map<string, Guide[]>();
  for (const guide of guides) {
    const group = bySlug.get(guide.slug);
    if (group) group.push(guide);
    else bySlug.set(guide.slug, [guide]);
  }
  const urls: XastElement[] = [x('url', [x('loc', home)])];
  const locales = [...new Set(guides.map((g) => g.locale))].sort(byCodeUnit);
  for (const locale of locales) urls.push(x('url', [x('loc', siteHref(base, `${encodeURIComponent(locale)}/`) as string)]));
  const ordered = [...guides].sort((a, b) => byCodeUnit(a.slug, b.slug) || byCodeUnit(a.locale, b.locale));
  const listed = new Set<string>();
  for (const guide of ordered) {
    const loc = pageUrl(ctx, guide);
    // A slug duplicated in one locale has one page (the loader reports the duplicate): listed once.
    if (!loc || listed.has(loc)) continue;
    listed.add(loc);
    // One version per locale, as the page's own hreflang links list them.
    const versions = localeVersions(guide, { ...ctx, translations: bySlug.get(guide.slug) ?? [] }).sort((a, b) => byCodeUnit(a.locale, b.locale));
    const alternates: XastElement[] = [];
    if (versions.length > 1) {
      for (const version of versions) {
        const href = pageUrl(ctx, version);
        if (href) alternates.push(x('xhtml:link', { rel: 'alternate', hreflang: safeLang(version.locale), href }));
      }
      const source = versions.find((g) => g.locale === ctx.site?.sourceLocale);
      const href = source ? pageUrl(ctx, source) : undefined;
      if (href) alternates.push(x('xhtml:link', { rel: 'alternate', hreflang: 'x-default', href }));
    }
    urls.push(x('url', [x('loc', loc), ...alternates]));
  }
  const tree = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
    x('urlset', { xmlns: SITEMAP_NS, 'xmlns:xhtml': XHTML_NS }, urls),
  ]);
  return `${toXml(tree, { closeEmptyElements: true, tightClose: true })}\n`;
}
