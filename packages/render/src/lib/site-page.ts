import type { Guide } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ImageTransform } from './content.js';
import { componentRegistry } from './components.js';
import type { RenderContext } from './context.js';
import { renderGuideBody } from './guide-body.js';
import { publishedImageUrl, renderJsonLd } from './formats/jsonld.js';
import { alternateLinks, languageSwitcher, renderPage, scriptSafeJson, siteBodyProperties, siteControls } from './page.js';
import { breadcrumbs, pagination, sidebar } from './site-nav.js';
import { safeLang, uiStrings } from './strings.js';
import { staleNotice, staleStepNotice } from './translation-notice.js';
import { pageUrl } from './context.js';

/** Site images: mapped URL, `loading="lazy"`, and width/height when the caller knows them. */
export function siteImages(guide: Guide, ctx: RenderContext): ImageTransform {
  return (img) => {
    const src = typeof img.properties['src'] === 'string' ? img.properties['src'] : '';
    const info = src ? ctx.imageInfo?.(src, guide) : undefined;
    img.properties = {
      ...img.properties,
      src: src && ctx.assetHref ? ctx.assetHref(src, guide) : src,
      alt: typeof img.properties['alt'] === 'string' ? img.properties['alt'] : '',
      loading: 'lazy',
      decoding: 'async',
      ...(info ? { width: info.width, height: info.height } : {}),
    };
  };
}

/** `<script type="application/ld+json">` with the guide's HowTo / TechArticle. */
export function jsonLdScript(guide: Guide, ctx: RenderContext): Element {
  return h('script', { type: 'application/ld+json' }, scriptSafeJson(renderJsonLd(guide, ctx)));
}

/**
 * Open Graph `<meta property>` of a guide page: type, title, description, locale, and the URL
 * and image when the site's address is known (Open Graph wants absolute URLs). The image is the
 * front matter's, else the first step's, at the URL the site publishes it.
 */
export function openGraph(guide: Guide, ctx: RenderContext): Element[] {
  const meta = (property: string, content: string): Element => h('meta', { property, content });
  const out = [meta('og:type', 'article'), meta('og:title', guide.title), meta('og:locale', safeLang(guide.locale).replace('-', '_'))];
  if (ctx.site?.title) out.push(meta('og:site_name', ctx.site.title));
  if (guide.description) out.push(meta('og:description', guide.description));
  const page = pageUrl(ctx, guide);
  if (!page) return out;
  out.push(meta('og:url', page));
  const image = guide.frontmatter.image ?? guide.steps.find((s) => s.images.length > 0)?.images[0]?.url;
  const url = image ? publishedImageUrl(image, guide, ctx) : undefined;
  if (url && /^https?:/.test(url)) out.push(meta('og:image', url));
  return out;
}

/** The header of a site page: site link, search, theme toggle, and the language switcher when given. */
export function siteHeader(locale: string, ctx: RenderContext, homeHref: string | undefined, bundle: string, switcher?: Element): Element {
  const t = uiStrings(locale, ctx.strings);
  const title = ctx.site?.title ?? t.guides;
  const children: ElementContent[] = [
    homeHref === undefined ? h('span', { className: ['site-title'] }, title) : h('a', { className: ['site-title'], href: homeHref }, title),
    siteControls(locale, ctx, bundle),
  ];
  if (switcher) children.push(switcher);
  return h('header', { className: ['site-header'] }, children);
}

/**
 * A guide's page of the HTML site: header (search, theme, language switcher with missing
 * translations), sidebar of the locale's categories, breadcrumbs, the stale-translation notices,
 * the article (what Pagefind indexes: `data-pagefind-body`, steps as sub-results through their
 * heading ids), previous/next within the category; hreflang, Open Graph and JSON-LD in `<head>`.
 *
 * @param guide The guide.
 * @param ctx Render context (site guides for navigation, translation state, components...).
 * @returns The page's HTML.
 */
export async function renderGuidePage(guide: Guide, ctx: RenderContext): Promise<string> {
  const stepNotice = staleStepNotice(guide, ctx);
  const article = await renderGuideBody(guide, {
    images: siteImages(guide, ctx),
    components: componentRegistry(ctx.components),
    ...(ctx.strings ? { strings: ctx.strings } : {}),
    ...(ctx.onDiagnostic ? { onDiagnostic: ctx.onDiagnostic } : {}),
    ...(stepNotice ? { stepNotice } : {}),
  });
  article.properties = { ...article.properties, dataPagefindBody: '' };
  const guides = ctx.siteGuides;
  const main: ElementContent[] = [breadcrumbs(guide, guides, ctx)];
  const notice = staleNotice(guide, ctx);
  if (notice) main.push(notice);
  main.push(article);
  const pages = guides ? pagination(guide, guides, ctx) : undefined;
  if (pages) main.push(pages);
  return renderPage({
    site: true,
    lang: guide.locale,
    title: ctx.site?.title ? `${guide.title} · ${ctx.site.title}` : guide.title,
    description: guide.description,
    head: [...alternateLinks(guide, ctx, 'html'), ...openGraph(guide, ctx), jsonLdScript(guide, ctx)],
    header: siteHeader(guide.locale, ctx, '../../index.html', '../../pagefind/', languageSwitcher(guide, ctx, 'html')),
    aside: guides ? sidebar(guide, guides, ctx) : undefined,
    main,
    bodyProperties: siteBodyProperties(guide.locale, ctx),
    siteRoot: ctx.stylesheetFile ? '../../' : undefined,
  });
}
