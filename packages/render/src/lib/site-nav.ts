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

/**
 * How many guides the current guide's category lists in the sidebar: all of them up to this, else
 * a window around the current guide and a link to the whole category on the locale index.
 */
export const SIDEBAR_WINDOW = 24;

/**
 * How many guides a closed category lists (the first by title), then a link to the whole category
 * on the locale index: every page carries every category, so this bounds a page's size on a site
 * of thousands of guides (a small site lists everything).
 */
export const SIDEBAR_CLOSED = 6;

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
          // Accents off (`réseau` → `reseau`), not turned into dashes.
          .replace(/\p{M}+/gu, '')
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

/** A category's guides as sidebar items: all, or `size` of them from `start` and a link to the rest. */
function groupItems(
  guide: Guide | undefined,
  c: Category,
  window: { start: number; size: number },
  ctx: RenderContext,
  t: ReturnType<typeof uiStrings>,
): ElementContent[] {
  const hrefFor = ctx.hrefFor ?? defaultHrefFor;
  const shown = c.guides.slice(window.start, window.start + window.size);
  const items: ElementContent[] = shown.map((g) =>
    g.slug === guide?.slug
      ? h('li', h('a', { href: '#main', ariaCurrent: 'page' }, g.title))
      : h('li', h('a', { href: hrefFor(guide ?? g, g, 'html') }, g.title)),
  );
  if (shown.length < c.guides.length)
    items.push(h('li', { className: ['more'] }, h('a', { href: `../index.html#${c.id}` }, `${t.moreInCategory} (${c.guides.length})`)));
  return items;
}

/** A category of the sidebar: a `<details>` group (open for the current guide's), its guides inside. */
function group(c: Category, items: ElementContent[], open: boolean): Element {
  return h('li', open ? { className: ['current'] } : {}, h('details', { open }, [h('summary', `${c.name} (${c.guides.length})`), h('ul', items)]));
}

// Closed groups are the same on every page of a locale (links are relative to a guide page, and
// every guide page sits two folders down): built once per guide list and locale, shared by the
// pages' trees (serializing never changes a tree).
// Keyed by the words too (one object per language and overrides), which the "more" link uses.
const closedGroups = new WeakMap<readonly Guide[], WeakMap<object, Map<Category, Element>>>();

function closedGroup(guides: readonly Guide[], c: Category, ctx: RenderContext, t: ReturnType<typeof uiStrings>): Element {
  if (ctx.hrefFor) return group(c, groupItems(undefined, c, { start: 0, size: SIDEBAR_CLOSED }, ctx, t), false);
  let perWords = closedGroups.get(guides);
  if (!perWords) closedGroups.set(guides, (perWords = new WeakMap()));
  let perCategory = perWords.get(t);
  if (!perCategory) perWords.set(t, (perCategory = new Map()));
  let el = perCategory.get(c);
  if (!el) perCategory.set(c, (el = group(c, groupItems(undefined, c, { start: 0, size: SIDEBAR_CLOSED }, ctx, t), false)));
  return el;
}

/**
 * The sidebar of a guide page: every category of the locale as a collapsible group (`<details>`,
 * no script needed), the current guide's open, each listing its guides (the open one up to
 * {@link SIDEBAR_WINDOW} around the current guide, marked `aria-current="page"`; closed ones up to
 * {@link SIDEBAR_CLOSED}), then a link to the whole category on the locale index.
 */
export function sidebar(guide: Guide, guides: readonly Guide[], ctx: RenderContext): Element | undefined {
  const place = placeOf(guide, guides);
  if (!place) return undefined;
  const t = uiStrings(guide.locale, ctx.strings);
  const items = localeCategories(guides, guide.locale).map((c) => {
    if (c !== place.category) return closedGroup(guides, c, ctx, t);
    const start = Math.max(0, Math.min(place.index - SIDEBAR_WINDOW / 2, c.guides.length - SIDEBAR_WINDOW));
    return group(c, groupItems(guide, c, { start, size: SIDEBAR_WINDOW }, ctx, t), true);
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
