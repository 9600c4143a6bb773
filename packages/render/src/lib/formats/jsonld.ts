import type { Block, Guide, PrerequisiteGroup } from '@guidekit/model';
import type { Root as MdastRoot } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { pageUrl, siteHref } from '../context.js';
import type { RenderContext } from '../context.js';

/** A schema.org JSON-LD object (plain JSON). */
export type JsonLd = Record<string, unknown>;

// Prerequisite labels that name things the reader uses (HowToTool) or needs to have (HowToSupply),
// in the languages of the keyword dictionary. Roles and permissions are neither: they stay out.
const ROLE = /\b(r[ôo]le|roles?|rol|rolle|ruolo|fun[çc][ãa]o|permission|droit|berechtigung|permiso|rechten)/iu;
const TOOL =
  /\b(pc|computer|ordinateur|device|appareil|desktop|tool|outil|software|logiciel|module|powershell|app|application|cli|browser|navigateur|herramienta|werkzeug|strumento|ferramenta|gereedschap)/iu;

/** Classify a prerequisite group: `tool`, `supply`, or `null` when neither fits (roles). */
export function prerequisiteKind(group: PrerequisiteGroup): 'tool' | 'supply' | null {
  const label = group.label ?? '';
  if (ROLE.test(label)) return null;
  if (TOOL.test(label)) return 'tool';
  return 'supply';
}

function text(blocks: readonly Block[]): string {
  return mdastToString({ type: 'root', children: blocks } as unknown as MdastRoot, { includeHtml: false })
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where an image of the guide is published, as an absolute URL when the site's is known: the
 * `src` the page uses (`assetHref`, relative to the page: `../../_static/images/a.png`) resolved
 * against the page's URL, so JSON-LD and Open Graph name the file the site serves.
 */
export function publishedImageUrl(url: string, guide: Guide, ctx: RenderContext): string {
  const src = ctx.assetHref ? ctx.assetHref(url, guide) : url;
  const page = pageUrl(ctx, guide);
  if (page && !src.startsWith('/')) return siteHref(page, src) ?? src;
  const base = ctx.site?.baseUrl;
  return (base && siteHref(base, src)) ?? src;
}

/** The schema.org type of an author: configured per name, then the site's default, then `Person`. */
export function authorType(name: string, ctx: RenderContext): 'Person' | 'Organization' {
  const site = ctx.site;
  const own = site?.authors && Object.hasOwn(site.authors, name) ? site.authors[name] : undefined;
  return own ?? site?.authorType ?? 'Person';
}

/**
 * schema.org JSON-LD of a guide: a `HowTo` with one `HowToStep` per step (name, text, url anchor
 * `#step-1`, first image, position) and `supply` / `tool` from prerequisite groups where they fit
 * (licences and resources are supplies; PCs, devices, software are tools; roles are neither).
 * Articles (no steps) become a `TechArticle`. URLs are absolute when the site has a `baseUrl`.
 *
 * @param guide The guide.
 * @param ctx Render context (`site.baseUrl`, `assetHref`).
 * @returns The JSON-LD object (serialize it with `JSON.stringify`).
 */
export function renderJsonLd(guide: Guide, ctx: RenderContext = {}): JsonLd {
  const page = pageUrl(ctx, guide);
  const fm = guide.frontmatter;
  const img = (url: string): string => publishedImageUrl(url, guide, ctx);
  const common: JsonLd = {
    '@context': 'https://schema.org',
    '@type': guide.kind === 'tutorial' ? 'HowTo' : 'TechArticle',
    inLanguage: guide.locale,
  };
  if (guide.kind === 'tutorial') common['name'] = guide.title;
  else common['headline'] = guide.title;
  if (guide.description) common['description'] = guide.description;
  if (page) common['url'] = page;
  if (fm.date) common['datePublished'] = fm.date;
  if (fm.author) common['author'] = { '@type': authorType(fm.author, ctx), name: fm.author };
  if (fm.image) common['image'] = img(fm.image);
  if (fm.tags && fm.tags.length > 0) common['keywords'] = fm.tags.join(', ');
  if (fm.categories && fm.categories.length > 0) common['articleSection'] = fm.categories[0];
  if (guide.kind !== 'tutorial') return common;
  delete common['articleSection'];
  const supply: JsonLd[] = [];
  const tool: JsonLd[] = [];
  for (const group of guide.prerequisites) {
    const kind = prerequisiteKind(group);
    if (kind === null) continue;
    for (const item of group.items) {
      (kind === 'tool' ? tool : supply).push({ '@type': kind === 'tool' ? 'HowToTool' : 'HowToSupply', name: item });
    }
  }
  if (supply.length > 0) common['supply'] = supply;
  if (tool.length > 0) common['tool'] = tool;
  common['step'] = guide.steps.map((s, i) => {
    const step: JsonLd = {
      '@type': 'HowToStep',
      position: i + 1,
      name: s.title,
      text: text(s.blocks) || s.title,
      url: `${page ?? ''}#${s.id}`,
    };
    const first = s.images[0];
    if (first) step['image'] = img(first.url);
    return step;
  });
  return common;
}
