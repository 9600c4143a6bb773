import { byCodeUnit, type Guide } from '@guidekit/model';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { defaultHrefFor, pageUrl } from './context.js';
import type { FormatName, RenderContext } from './context.js';
import { PAGE_CSS, SITE_CSS, SITE_STYLESHEET_PATH } from './css.js';
import { SITE_SCRIPT, SITE_SCRIPT_HASH } from './site-script.js';
import { languageName, safeLang, textDirection, uiStrings } from './strings.js';

/**
 * The Content-Security-Policy of every page: no script may run at all (`default-src 'none'` and no
 * `script-src`; JSON-LD is data, not script), styles only inline, images from anywhere (`*` also
 * covers `file:` when a page is opened from disk) and data URIs. A second line of defence behind
 * the sanitizer.
 */
export const CSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * The Content-Security-Policy of the HTML site's pages, which run one script: the inline site
 * script, allowed by its hash only (so no other inline script or handler can run, even one the
 * sanitizer missed), and the search UI loaded on demand from the site itself (`'self'`, with
 * WebAssembly for Pagefind's index and `connect-src 'self'` for its fragments).
 */
export const SITE_CSP = `default-src 'none'; img-src * data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'wasm-unsafe-eval' ${SITE_SCRIPT_HASH}; connect-src 'self'; base-uri 'none'; form-action 'none'`;

/** What a page is made of; content arrives as sanitized hast, chrome is built here with `h()`. */
export interface PageParts {
  lang: string;
  title: string;
  description?: string | undefined;
  head?: Element[];
  header?: Element | undefined;
  main: ElementContent[];
  extraCss?: string;
  /** A page of the HTML site: the site script (theme, copy buttons, search) and its CSP. */
  site?: boolean;
  /** Navigation beside `<main>` (the sidebar). */
  aside?: Element | undefined;
  /** `data-*` attributes of `<body>` (words the site script uses), `class` of `<body>`. */
  bodyProperties?: Element['properties'];
  /**
   * A site page's way to the site folder (`../../` from a guide page): given, the page links the
   * site's stylesheet file there ({@link SITE_STYLESHEET_PATH}) instead of inlining it.
   */
  siteRoot?: string | undefined;
}

const stringifier = unified().use(rehypeStringify, { allowDangerousHtml: false }).freeze();

/**
 * Serialize a whole page: doctype, `lang` and `dir` on `<html>`, CSP, inline CSS, skip link.
 *
 * @param parts Page parts.
 * @returns The HTML text.
 */
export function renderPage(parts: PageParts): string {
  const lang = safeLang(parts.lang);
  const t = uiStrings(lang);
  const head: Element[] = [
    h('meta', { charSet: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { httpEquiv: 'Content-Security-Policy', content: parts.site ? SITE_CSP : CSP }),
    h('title', parts.title),
    // No favicon request: a page must load without a single failed request, even from disk.
    h('link', { rel: 'icon', href: 'data:,' }),
  ];
  if (parts.description) head.push(h('meta', { name: 'description', content: parts.description }));
  head.push(...(parts.head ?? []));
  // Before the stylesheet: the theme is set before anything is painted.
  if (parts.site) head.push(h('script', SITE_SCRIPT));
  if (parts.site && parts.siteRoot !== undefined) {
    head.push(h('link', { rel: 'stylesheet', href: `${parts.siteRoot}${SITE_STYLESHEET_PATH}` }));
    if (parts.extraCss) head.push(h('style', parts.extraCss));
  } else head.push(h('style', `${PAGE_CSS}${parts.site ? `\n${SITE_CSS}` : ''}${parts.extraCss ? `\n${parts.extraCss}` : ''}`));
  const body: ElementContent[] = [h('a', { className: ['skip-link'], href: '#main' }, t.skip)];
  if (parts.header) body.push(parts.header);
  const main = h('main', { id: 'main', tabIndex: -1 }, parts.main);
  body.push(parts.aside ? h('div', { className: ['layout'] }, [parts.aside, main]) : main);
  const tree: HastRoot = {
    type: 'root',
    children: [{ type: 'doctype' }, h('html', { lang, dir: textDirection(lang) }, [h('head', head), h('body', parts.bodyProperties ?? {}, body)])],
  };
  return `${stringifier.stringify(tree)}\n`;
}

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>`, `&` and the JS line separators are
 * escaped as `\uXXXX`, so text such as `</script>` in a title can never close the element.
 *
 * @param value Any JSON value.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** All locales of a guide, itself first, then the others sorted; duplicates dropped. */
export function localeVersions(guide: Guide, ctx: RenderContext): Guide[] {
  const seen = new Set([guide.locale]);
  const others: Guide[] = [];
  for (const g of ctx.translations ?? []) {
    if (g.slug !== guide.slug || seen.has(g.locale)) continue;
    seen.add(g.locale);
    others.push(g);
  }
  const order = ctx.site?.locales ?? [];
  const rank = (l: string): number => (order.includes(l) ? order.indexOf(l) : order.length);
  others.sort((a, b) => rank(a.locale) - rank(b.locale) || byCodeUnit(a.locale, b.locale));
  return [guide, ...others];
}

/**
 * `<link rel="alternate" hreflang>` for every locale of the guide (itself included, as search
 * engines expect), plus `x-default` for the source locale, and the canonical URL when known.
 */
export function alternateLinks(guide: Guide, ctx: RenderContext, format: FormatName): Element[] {
  const hrefFor = ctx.hrefFor ?? defaultHrefFor;
  const links: Element[] = [];
  const self = pageUrl(ctx, guide);
  if (self) links.push(h('link', { rel: 'canonical', href: self }));
  const versions = localeVersions(guide, ctx);
  if (versions.length < 2) return links;
  for (const g of versions) {
    links.push(h('link', { rel: 'alternate', hrefLang: safeLang(g.locale), href: pageUrl(ctx, g) ?? hrefFor(guide, g, format) }));
  }
  const source = versions.find((g) => g.locale === ctx.site?.sourceLocale);
  if (source) links.push(h('link', { rel: 'alternate', hrefLang: 'x-default', href: pageUrl(ctx, source) ?? hrefFor(guide, source, format) }));
  return links;
}

/**
 * The language switcher of a guide: every locale it exists in (each named in its own language,
 * the current one marked `aria-current`), then the site's locales it is missing from, as "not
 * translated yet" in that language, linking the source (plain text on the source page itself).
 */
export function languageSwitcher(guide: Guide, ctx: RenderContext, format: FormatName): Element | undefined {
  const hrefFor = ctx.hrefFor ?? defaultHrefFor;
  const t = uiStrings(guide.locale, ctx.strings);
  const versions = localeVersions(guide, ctx);
  const items = [...versions]
    .sort((a, b) => byCodeUnit(a.locale, b.locale))
    .map((g) => {
      const lang = safeLang(g.locale);
      return g === guide
        ? h('li', h('a', { href: '#main', lang, hrefLang: lang, ariaCurrent: 'page' }, languageName(g.locale)))
        : h('li', h('a', { href: hrefFor(guide, g, format), lang, hrefLang: lang, rel: ['alternate'] }, languageName(g.locale)));
    });
  const present = new Set(versions.map((g) => g.locale));
  const source = versions.find((g) => g.locale === ctx.site?.sourceLocale);
  const missing = ctx.translation?.missing ?? ctx.site?.locales ?? [];
  for (const locale of source ? missing : []) {
    if (present.has(locale) || !source) continue;
    const lang = safeLang(locale);
    const label = [languageName(locale), ' ', h('span', { className: ['missing-note'] }, `(${uiStrings(locale, ctx.strings).notTranslated})`)];
    items.push(
      source === guide
        ? h('li', { className: ['missing'], lang }, label)
        : h('li', { className: ['missing'], lang }, h('a', { href: hrefFor(guide, source, format), hrefLang: safeLang(source.locale) }, label)),
    );
  }
  if (items.length < 2) return undefined;
  return h('nav', { className: ['languages'], ariaLabel: t.languages }, h('ul', items));
}

/**
 * The header of a guide page: site link and the language switcher.
 */
export function guideHeader(guide: Guide, ctx: RenderContext, format: FormatName, homeHref: string | undefined): Element {
  const t = uiStrings(guide.locale, ctx.strings);
  const children: ElementContent[] = [
    homeHref === undefined
      ? h('span', { className: ['site-title'] }, ctx.site?.title ?? t.guides)
      : h('a', { className: ['site-title'], href: homeHref }, ctx.site?.title ?? t.guides),
  ];
  const switcher = languageSwitcher(guide, ctx, format);
  if (switcher) children.push(switcher);
  return h('header', { className: ['site-header'] }, children);
}

/**
 * The controls of the HTML site's header, shown only when the site script runs (`html.js`):
 * the search button (Pagefind's UI is loaded from `bundle` on first use) and the theme toggle.
 *
 * @param locale The page's locale (words, and whose search bundles are loaded).
 * @param bundle URL of the site's `pagefind/` folder relative to the page, with a trailing slash.
 */
export function siteControls(locale: string, ctx: RenderContext, bundle: string): Element {
  const t = uiStrings(locale, ctx.strings);
  return h('div', { className: ['site-controls'] }, [
    h(
      'div',
      { className: ['search'], role: 'search', dataBundle: bundle, dataLocale: locale },
      h('button', { type: 'button', className: ['search-button'] }, t.search),
    ),
    h('button', { type: 'button', className: ['theme-toggle'], ariaPressed: 'false' }, t.theme),
  ]);
}

/** `data-*` words of `<body>` the site script reads, and the code-wrap switch. */
export function siteBodyProperties(locale: string, ctx: RenderContext): Element['properties'] {
  const t = uiStrings(locale, ctx.strings);
  return {
    dataCopy: t.copy,
    dataCopied: t.copied,
    ...(ctx.codeWrap ? { className: ['code-wrap'] } : {}),
  };
}
