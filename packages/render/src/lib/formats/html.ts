import { byCodeUnit, type Guide } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { defaultHrefFor } from '../context.js';
import type { RenderContext } from '../context.js';
import { renderPage, siteBodyProperties } from '../page.js';
import { languageName, safeLang, uiStrings } from '../strings.js';
import { collate } from '../order.js';
import { renderGuidePage, siteHeader } from '../site-page.js';
import { localeCategories } from '../site-nav.js';

export { jsonLdScript, siteImages } from '../site-page.js';

/**
 * A guide's page of the HTML site (`html/<locale>/<slug>/index.html`): see `renderGuidePage`.
 *
 * @param guide The guide.
 * @param ctx Translations, site info and guides, URL mapping, image sizes, translation state.
 * @returns The page's HTML.
 */
export async function renderHtml(guide: Guide, ctx: RenderContext = {}): Promise<string> {
  return renderGuidePage(guide, ctx);
}

function guideItem(guide: Guide, href: string, pageLang: string): Element {
  const lang = safeLang(guide.locale);
  const children: ElementContent[] = [h('a', { href, ...(lang !== safeLang(pageLang) ? { lang } : {}) }, guide.title)];
  children.push(
    { type: 'text', value: ' ' },
    h(
      'span',
      { className: ['kind'] },
      `(${guide.kind === 'tutorial' ? uiStrings(guide.locale).stepsCount(guide.steps.length) : uiStrings(guide.locale).article})`,
    ),
  );
  if (guide.description) children.push(h('br'), h('span', { ...(lang !== safeLang(pageLang) ? { lang } : {}) }, guide.description));
  return h('li', children);
}

function byTitle(a: Guide, b: Guide): number {
  return byCodeUnit(b.frontmatter.date ?? '', a.frontmatter.date ?? '') || collate(a.locale, a.title, b.title) || byCodeUnit(a.slug, b.slug);
}

function localesOf(guides: readonly Guide[], ctx: RenderContext): string[] {
  const present = [...new Set(guides.map((g) => g.locale))];
  const order = [...(ctx.site?.sourceLocale ? [ctx.site.sourceLocale] : []), ...(ctx.site?.locales ?? [])];
  const rank = (l: string): number => (order.includes(l) ? order.indexOf(l) : order.length);
  return present.sort((a, b) => rank(a) - rank(b) || byCodeUnit(a, b));
}

/**
 * The site's home page (`html/index.html`): every guide, grouped by locale (newest first), each
 * group linking to its locale index.
 *
 * @param guides Every guide of the site.
 * @param ctx Site title, locales, URL mapping (`hrefFor(null, guide, 'html')`).
 * @returns The page's HTML.
 */
export function renderHomePage(guides: readonly Guide[], ctx: RenderContext = {}): string {
  const lang = ctx.site?.sourceLocale ?? guides[0]?.locale ?? 'en';
  const t = uiStrings(lang);
  const hrefFor = ctx.hrefFor ?? defaultHrefFor;
  const title = ctx.site?.title ?? t.guides;
  const main: ElementContent[] = [h('h1', title)];
  for (const locale of localesOf(guides, ctx)) {
    const list = guides.filter((g) => g.locale === locale).sort(byTitle);
    const l = safeLang(locale);
    main.push(
      h('section', { lang: l }, [
        h('h2', h('a', { href: `${encodeURIComponent(locale)}/index.html` }, languageName(locale))),
        h(
          'ul',
          { className: ['guide-list'] },
          list.map((g) => guideItem(g, hrefFor(null, g, 'html'), locale)),
        ),
      ]),
    );
  }
  return renderPage({
    site: true,
    lang,
    title,
    header: siteHeader(lang, ctx, undefined, 'pagefind/'),
    main,
    bodyProperties: siteBodyProperties(lang, ctx),
    siteRoot: ctx.stylesheetFile ? '' : undefined,
  });
}

/**
 * A locale's index page (`html/<locale>/index.html`): the guides of that locale by category (the
 * first of their front matter `categories`, by name; guides by title), each category a section
 * with an id the sidebar links to (`#cat-windows`).
 *
 * @param locale The locale.
 * @param guides Guides of the site (others locales are filtered out).
 * @param ctx Site title and URL mapping.
 * @returns The page's HTML.
 */
export function renderLocaleIndex(locale: string, guides: readonly Guide[], ctx: RenderContext = {}): string {
  const t = uiStrings(locale, ctx.strings);
  const title = `${ctx.site?.title ?? t.guides} · ${languageName(locale)}`;
  const others = localesOf(guides, ctx).filter((l) => l !== locale);
  const switcher =
    others.length > 0
      ? h(
          'nav',
          { className: ['languages'], ariaLabel: t.languages },
          h(
            'ul',
            others.map((o) => h('li', h('a', { href: `../${encodeURIComponent(o)}/index.html`, lang: safeLang(o), hrefLang: safeLang(o) }, languageName(o)))),
          ),
        )
      : undefined;
  const main: ElementContent[] = [h('h1', title)];
  for (const category of localeCategories(guides, locale)) {
    main.push(
      h('section', { className: ['category'] }, [
        h('h2', { id: category.id }, category.name),
        h(
          'ul',
          { className: ['guide-list'] },
          category.guides.map((g) => guideItem(g, `${encodeURIComponent(g.slug)}/index.html`, locale)),
        ),
      ]),
    );
  }
  return renderPage({
    site: true,
    lang: locale,
    title,
    header: siteHeader(locale, ctx, '../index.html', '../pagefind/', switcher),
    main,
    bodyProperties: siteBodyProperties(locale, ctx),
    siteRoot: ctx.stylesheetFile ? '../' : undefined,
  });
}
