import { byCodeUnit } from '@guidekit/model';
import type { Guide } from '@guidekit/model';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { defaultHrefFor } from './context.js';
import type { RenderContext } from './context.js';
import { collate } from './order.js';
import { languageName, uiStrings } from './strings.js';

/** One category of a locale: its key (case-folded), the name shown, its guides in reading order. */
export interface Category {
  key: string;
  name: string;
  /** Fragment id on the locale index (`cat-teams`). */
  id: string;
  guides: Guide[];
}

/** How many guides of the current category the sidebar lists around the current one. */
export const SIDEBAR_WINDOW = 24;

const OTHER = '\u0000other';

/** The category of a guide: its first front matter category (case-folded key), or none. */
export function categoryKey(guide: Guide): string {
  const first = guide.frontmatter.categories?.find((c) => c.trim() !== '');
  return first === undefined ? OTHER : first.trim().toLocaleLowerCase('und');
}

function categoryId(key: string, used: Set<string>): string {
  const base =
    key === OTHER
      ? 'other'
      : key
          .normalize('NFKD')
          .replace(/[^\p{L}\p{N}]+/gu, '-')
          .replace(/^-|-$/g, '') || 'category';
  let id = `cat-${base}`;
  for (let n = 2; used.has(id); n++) id = `cat-${base}-${n}`;
  used.add(id);
  return id;
}

const cache = new WeakMap<readonly Guide[], Map<string, Category[]>>();

/**
 * The categories of a locale, by name, guides by title within each, guides with no category
 * last under "other guides". Computed once per guide list and locale (every page of a build
 * asks with the same list).
 *
 * @param guides Every guide of the site (outlines are enough: title, slug, locale, categories).
 * @param locale The locale.
 */
export function localeCategories(guides: readonly Guide[], locale: string): Category[] {
  let perLocale = cache.get(guides);
  if (!perLocale) cache.set(guides, (perLocale = new Map()));
  const known = perLocale.get(locale);
  if (known) return known;
  const groups = new Map<string, { names: Map<string, number>; guides: Guide[] }>();
  for (const g of guides) {
    if (g.locale !== locale) continue;
    const key = categoryKey(g);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { names: new Map(), guides: [] }));
    const name = g.frontmatter.categories?.find((c) => c.trim() !== '')?.trim() ?? '';
    group.names.set(name, (group.names.get(name) ?? 0) + 1);
    group.guides.push(g);
  }
  const t = uiStrings(locale);
  const used = new Set<string>();
  const keys = [...groups.keys()].sort((a, b) => (a === OTHER ? 1 : b === OTHER ? -1 : collate(locale, a, b) || byCodeUnit(a, b)));
  const result = keys.map((key): Category => {
    const group = groups.get(key) as { names: Map<string, number>; guides: Guide[] };
    // The spelling most guides use (`SharePoint` over `Sharepoint`), ties by code unit.
    const name = key === OTHER ? t.otherGuides : ([...group.names].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]))[0]?.[0] ?? key);
    const sorted = group.guides.sort((a, b) => collate(locale, a.title, b.title) || byCodeUnit(a.slug, b.slug));
    return { key, name, id: categoryId(key, used), guides: sorted };
  });
  perLocale.set(locale, result);
  return result;
}

/** The category of a guide among its locale's, and its place there. */
export function placeOf(guide: Guide, guides: readonly Guide[]): { category: Category; index: number } | undefined {
  const key = categoryKey(guide);
  const category = localeCategories(guides, guide.locale).find((c) => c.key === key);
  const index = category ? category.guides.findIndex((g) => g.slug === guide.slug) : -1;
  return category && index >= 0 ? { category, index } : undefined;
}

/**
 * The sidebar of a guide page: every category of the locale, linking to its part of the locale
 * index; the current category lists its guides (a window of {@link SIDEBAR_WINDOW} around the
 * current one, so a page of a 1,000-guide category stays small), the current guide marked
 * `aria-current="page"`.
 */
export function sidebar(guide: Guide, guides: readonly Guide[], ctx: RenderContext): Element | undefined {
  const place = placeOf(guide, guides);
  if (!place) return undefined;
  const hrefFor = ctx.hrefFor ?? defaultHrefFor;
  const t = uiStrings(guide.locale, ctx.strings);
  const items = localeCategories(guides, guide.locale).map((c) => {
    const link = h('a', { href: `../index.html#${c.id}` }, `${c.name} (${c.guides.length})`);
    if (c !== place.category) return h('li', link);
    const start = Math.max(0, Math.min(place.index - SIDEBAR_WINDOW / 2, c.guides.length - SIDEBAR_WINDOW));
    const shown = c.guides.slice(start, start + SIDEBAR_WINDOW);
    const list: ElementContent[] = shown.map((g) =>
      g.slug === guide.slug ? h('li', h('a', { href: '#main', ariaCurrent: 'page' }, g.title)) : h('li', h('a', { href: hrefFor(guide, g, 'html') }, g.title)),
    );
    if (shown.length < c.guides.length) list.push(h('li', { className: ['more'] }, h('a', { href: `../index.html#${c.id}` }, t.moreInCategory)));
    return h('li', { className: ['current'] }, [h('strong', link), h('ul', list)]);
  });
  return h('nav', { className: ['sidebar'], ariaLabel: t.sidebar }, h('ul', items));
}

/** Home › language › category › guide, the last one `aria-current="page"`. */
export function breadcrumbs(guide: Guide, guides: readonly Guide[] | undefined, ctx: RenderContext): Element {
  const t = uiStrings(guide.locale, ctx.strings);
  const place = guides ? placeOf(guide, guides) : undefined;
  const items: ElementContent[] = [
    h('li', h('a', { href: '../../index.html' }, ctx.site?.title ?? t.home)),
    h('li', h('a', { href: '../index.html' }, languageName(guide.locale))),
  ];
  if (place) items.push(h('li', h('a', { href: `../index.html#${place.category.id}` }, place.category.name)));
  items.push(h('li', h('span', { ariaCurrent: 'page' }, guide.title)));
  return h('nav', { className: ['breadcrumbs'], ariaLabel: t.breadcrumb }, h('ol', items));
}

/** Previous and next guide of the same category (`rel="prev"` / `rel="next"`), or nothing. */
export function pagination(guide: Guide, guides: readonly Guide[], ctx: RenderContext): Element | undefined {
  const place = placeOf(guide, guides);
  if (!place) return undefined;
  const hrefFor = ctx.hrefFor ?? defaultHrefFor;
  const t = uiStrings(guide.locale, ctx.strings);
  const prev = place.category.guides[place.index - 1];
  const next = place.category.guides[place.index + 1];
  if (!prev && !next) return undefined;
  const link = (g: Guide, rel: 'prev' | 'next', label: string): Element =>
    h('a', { href: hrefFor(guide, g, 'html'), rel: [rel], className: [rel] }, [
      h('span', { className: ['label'] }, label),
      h('span', { className: ['title'] }, g.title),
    ]);
  const children: ElementContent[] = [];
  if (prev) children.push(link(prev, 'prev', t.previous));
  if (next) children.push(link(next, 'next', t.next));
  return h('nav', { className: ['pagination'], ariaLabel: `${t.previous} / ${t.next}` }, children);
}
