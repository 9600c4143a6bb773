import type { Guide } from '@guidekit/model';
import type { Format, FormatContext, GuideInput, GuideTranslationState, SiteInput } from '@guidekit/render/formats';
import type { Site } from './context.js';
import { hashContent, hashValue, stableStringify } from './hash.js';
import type { Shard } from './options.js';
import { shardOf } from './shard.js';
import { PUBLISH_VERSION, rendererFingerprint } from './version.js';

/** One thing to render: a guide in a format (`html:fr/x`), or a format's site-wide index (`json:index`). */
export interface Unit {
  id: string;
  format: Format<any>;
  stage: 'guide' | 'index';
  input: GuideInput | SiteInput;
  /** The hash of everything the unit's files depend on. */
  key: string;
}

/** What the plan is made from. */
export interface PlanInput {
  site: Site;
  formats: readonly Format<any>[];
  /** Hash of the resolved configuration. */
  configHash: string;
  /** Translation state per guide path, for formats that depend on it. */
  states?: ReadonlyMap<string, GuideTranslationState> | undefined;
  /** Only the guides of this shard, and no index (`merge` renders those). */
  shard?: Shard | undefined;
}

/**
 * What a page may know of a translation: exactly what the `translations` dependency puts in the
 * key (path, slug, locale, title). Giving renderers no more keeps the key honest.
 */
function translationStub(t: Guide): Guide {
  return {
    slug: t.slug,
    locale: t.locale,
    path: t.path,
    format: t.format,
    title: t.title,
    kind: t.kind,
    frontmatter: { extra: {} },
    sections: [],
    prerequisites: [],
    steps: [],
    sources: [],
    hash: '',
  };
}

/** The key function of one format: everything its units share hashed once, then per-unit parts. */
function keyer(format: Format<any>, ctx: FormatContext, input: PlanInput): (parts: unknown, extra: unknown) => string {
  const base = hashValue([PUBLISH_VERSION, rendererFingerprint(), format.id, format.version, input.configHash, ctx.options, input.site.locales]);
  // Plain arrays of strings serialise deterministically (and fast) without key sorting.
  return (parts, extra) => hashContent(`${base}\n${JSON.stringify(parts)}\n${extra === undefined ? '' : stableStringify(extra)}`);
}

/** One unit per guide the format makes, keyed by the guide and what the format depends on. */
function guideUnits(format: Format<any>, input: PlanInput, inputs: readonly GuideInput[], indexHash: string): Unit[] {
  const ctx = input.site.contexts.get(format) as FormatContext;
  const keyOf = keyer(format, ctx, input);
  const deps = new Set(format.dependsOn);
  const units: Unit[] = [];
  for (const base of inputs) {
    const { guide, translations } = base;
    if (format.guides && !format.guides(guide, ctx)) continue;
    const state = deps.has('translation-state') ? input.states?.get(guide.path) : undefined;
    const unitInput: GuideInput = state ? { ...base, translationState: state } : base;
    const parts = [
      guide.path,
      guide.slug,
      guide.locale,
      guide.hash,
      deps.has('translations') ? translations.map((t) => [t.path, t.slug, t.locale, t.title]) : null,
      deps.has('index') ? indexHash : null,
      state ?? null,
    ];
    units.push({ id: `${format.id}:${guide.locale}/${guide.slug}`, format, stage: 'guide', input: unitInput, key: keyOf(parts, format.inputs?.(unitInput, ctx)) });
  }
  return units;
}

/**
 * Plan a build: every unit of every selected format and its key — guides' outputs first, then
 * the indexes, so an index never links to a page that is not written yet. A shard plans only the
 * guides whose slug falls in it (a translation group stays together), and no index.
 */
export function plan(input: PlanInput): Unit[] {
  const { site, shard } = input;
  const mine = shard ? site.guides.filter((g) => shardOf(g.slug, shard.count) === shard.index) : site.guides;
  const inputs: GuideInput[] = mine.map((guide) => ({
    kind: 'guide',
    guide,
    translations: (site.groups.get(guide.slug) ?? []).filter((g) => g !== guide).map(translationStub),
  }));
  const indexHash = hashValue(site.guides.map((g) => [g.path, g.slug, g.locale, g.title, g.kind, g.frontmatter.categories ?? []]));
  const siteInput: SiteInput = { kind: 'site', guides: site.guides, groups: site.groups };
  const siteSummary = site.guides.map((g) => [g.path, g.slug, g.locale, g.hash]);
  const pages: Unit[] = [];
  const indexes: Unit[] = [];
  for (const format of input.formats) {
    if (format.render) pages.push(...guideUnits(format, input, inputs, indexHash));
    if (format.renderIndex && !shard) {
      const ctx = site.contexts.get(format) as FormatContext;
      const key = keyer(format, ctx, input)(siteSummary, format.inputs?.(siteInput, ctx));
      indexes.push({ id: `${format.id}:index`, format, stage: 'index', input: siteInput, key });
    }
  }
  return [...pages, ...indexes];
}
