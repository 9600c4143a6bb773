import { createHash } from 'node:crypto';
import { byCodeUnit, frontmatterFieldsType, type FrontmatterFields, type Guide } from '@guidekit/model';

/**
 * The versions of one guide across locales, as `@guidekit/content` pairs them. Declared
 * structurally so a `LoadedContent['translations']` entry fits without importing content types.
 */
export interface TranslationGroupLike {
  slug: string;
  source?: Guide | undefined;
  translations: readonly Guide[];
}

/** What the data modules are generated from: a `LoadedContent` fits as is. */
export interface DataSource {
  /** Every guide of the set. */
  guides: readonly Guide[];
  /** Source/translation pairing; when absent, guides are grouped by slug and `sourceLocale` picks the source. */
  translations?: readonly TranslationGroupLike[] | undefined;
  /** Locale the guides are written in first (`config.sourceLocale`). */
  sourceLocale?: string | undefined;
  /** A resolved config; only `sourceLocale` is read, when `sourceLocale` is absent. */
  config?: { sourceLocale?: string | undefined } | undefined;
}

/** One generated file, its path relative to the data folder (POSIX). */
export interface DataFile {
  path: string;
  contents: string;
}

/** How the generated modules refer to their surroundings. */
export interface DataModuleOptions {
  /** Module the `.d.ts` files import the `Guide` type from. Default `@guidekit/model`. */
  modelModule?: string;
}

/** Module file name stem for a guide: `<locale>/<slug>`, made safe for any file system. */
export interface GuideModuleEntry {
  guide: Guide;
  /** `fr/my-guide` — where its module lives, without extension. */
  stem: string;
}

const SAFE_LOCALE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
// Slugs keep only lowercase letters as is: one with an uppercase letter is renamed, so two slugs
// that differ in case never share a file on a case-insensitive disk (macOS, Windows).
const SAFE_SLUG = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * A readable, file- and URL-safe stand-in for an unsafe name: lowercased, anything outside
 * `[a-z0-9-]` turned into `-`, then a hash of the original so different names stay different.
 * Not percent-encoding: Node reads import specifiers as URLs (`%58` is `X`) while TypeScript reads
 * them as paths, so a `%` in a file name breaks one of the two.
 */
function safeSegment(value: string): string {
  const readable = value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 10);
  return readable ? `${readable}-${hash}` : hash;
}

/**
 * Module path of a guide, without extension: `<locale>/<slug>`, as is for ordinary names and
 * renamed (readable part + hash) otherwise, so no name (`..`, `/`, spaces, `%`) can leave the data
 * folder or break an import, and no two guides share a file. Depends on the guide alone, so a
 * build can render it per guide.
 *
 * @param guide The guide.
 * @returns A POSIX path such as `fr/my-guide`.
 */
export function guideModulePath(guide: Pick<Guide, 'slug' | 'locale'>): string {
  const locale = SAFE_LOCALE.test(guide.locale) ? guide.locale : safeSegment(guide.locale);
  const slug = SAFE_SLUG.test(guide.slug) && !guide.slug.includes('..') ? guide.slug : safeSegment(guide.slug);
  return `${locale}/${slug}`;
}

/**
 * Pair each guide with its module path.
 *
 * @param guides Guides in a stable order.
 * @returns One entry per guide, in the same order.
 */
export function guideModuleEntries(guides: readonly Guide[]): GuideModuleEntry[] {
  return guides.map((guide) => ({ guide, stem: guideModulePath(guide) }));
}

/** Guides sorted by slug then locale, so output does not depend on discovery order. */
function sorted(guides: readonly Guide[]): Guide[] {
  return [...guides].sort((a, b) => byCodeUnit(a.slug, b.slug) || byCodeUnit(a.locale, b.locale));
}

/** A TypeScript / JavaScript string literal for any string. */
const lit = (value: string): string => JSON.stringify(value);

/**
 * Group versions per slug. Content's pairing wins when given; otherwise the guide in the source
 * locale is the source and the others are its translations.
 */
function groupsOf(source: DataSource, guides: readonly Guide[]): Map<string, { source: Guide | undefined; translations: Guide[] }> {
  const groups = new Map<string, { source: Guide | undefined; translations: Guide[] }>();
  if (source.translations) {
    for (const group of source.translations) {
      groups.set(group.slug, {
        source: group.source,
        translations: sorted(group.translations),
      });
    }
  }
  const sourceLocale = source.sourceLocale ?? source.config?.sourceLocale;
  for (const guide of guides) {
    let group = groups.get(guide.slug);
    if (!group) {
      group = { source: undefined, translations: [] };
      groups.set(guide.slug, group);
    }
    const known = group.source === guide || group.translations.includes(guide);
    if (known || (source.translations && isPaired(group, guide))) continue;
    if (guide.locale === sourceLocale && !group.source) group.source = guide;
    else group.translations.push(guide);
  }
  return groups;
}

/** Content may hand equal (not identical) objects; compare by locale within a slug. */
function isPaired(group: { source: Guide | undefined; translations: Guide[] }, guide: Guide): boolean {
  return group.source?.locale === guide.locale || group.translations.some((t) => t.locale === guide.locale);
}

/**
 * Code of one guide's module: the guide as a `JSON.parse` of a string literal, which engines
 * parse faster than the same object as a literal, and which keeps the data inert.
 *
 * @param guide The guide.
 * @returns ESM source with one default export.
 */
export function guideModuleCode(guide: Guide): string {
  return `/* Generated by guidekit from ${sanitizeComment(guide.path)}. Do not edit. */\nconst guide = JSON.parse(${lit(JSON.stringify(guide))});\nexport default guide;\n`;
}

/**
 * Declaration of one guide's module: a `Guide` whose slug and locale are literal types.
 *
 * @param guide The guide.
 * @param options Where to import `Guide` from.
 * @returns `.d.ts` source.
 */
export function guideModuleTypes(guide: Guide, options: DataModuleOptions = {}): string {
  const model = options.modelModule ?? '@guidekit/model';
  return `/* Generated by guidekit. Do not edit. */\nimport type { Guide } from ${lit(model)};\ndeclare const guide: Guide & { readonly slug: ${lit(guide.slug)}; readonly locale: ${lit(guide.locale)} };\nexport default guide;\n`;
}

function sanitizeComment(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]/g, ' ');
}

/** How the index refers to each guide's module (a relative `./fr/x.js`, or a plugin id). */
export type ImportSpecifierOf = (entry: GuideModuleEntry) => string;

/**
 * Code of the index module: eager `guides`, `getGuide`, `translationsOf`, plus a lazy
 * `loadGuide` that imports one guide's module on demand.
 *
 * Importing this module pulls every guide into the bundle; an app that wants one chunk per guide
 * imports `catalog` and `loadGuide` from `lazy.js` instead, which holds only the catalogue.
 *
 * @param source Guides and pairing.
 * @param specifierOf Import specifier of each guide module.
 * @returns ESM source.
 */
export function indexModuleCode(source: DataSource, specifierOf: ImportSpecifierOf = (e) => `./${e.stem}.js`): string {
  const guides = sorted(source.guides);
  const entries = guideModuleEntries(guides);
  const index = new Map(entries.map((e, i) => [e.guide, i]));
  const lines: string[] = ['/* Generated by guidekit. Do not edit. */'];
  entries.forEach((e, i) => lines.push(`import g${i} from ${lit(specifierOf(e))};`));
  lines.push(`/** Every guide, sorted by slug then locale. */`);
  lines.push(`export const guides = Object.freeze([${entries.map((_, i) => `g${i}`).join(', ')}]);`);
  const sourceLocale = source.sourceLocale ?? source.config?.sourceLocale;
  lines.push(`export const sourceLocale = ${sourceLocale === undefined ? 'undefined' : lit(sourceLocale)};`);
  lines.push(`const byKey = new Map(guides.map((g) => [g.slug + '\\u0000' + g.locale, g]));`);
  lines.push(`/** One guide by slug and locale (undefined when there is none). */`);
  lines.push(`export function getGuide(slug, locale) {\n  return byKey.get(slug + '\\u0000' + locale);\n}`);
  const groups = groupsOf(source, guides);
  const groupCode = [...groups.keys()].sort(byCodeUnit).map((slug) => {
    const group = groups.get(slug)!;
    const src = group.source && index.has(group.source) ? `g${index.get(group.source)}` : findByLocale(entries, slug, group.source?.locale);
    const tr = group.translations.map((t) => (index.has(t) ? `g${index.get(t)}` : findByLocale(entries, slug, t.locale))).filter((x) => x !== 'undefined');
    return `  [${lit(slug)}, Object.freeze({ slug: ${lit(slug)}, source: ${src}, translations: Object.freeze([${tr.join(', ')}]) })]`;
  });
  lines.push(`const groups = new Map([\n${groupCode.join(',\n')}\n]);`);
  lines.push(`/** The source version of a guide and its translations. */`);
  lines.push(
    `export function translationsOf(slug) {\n  return groups.get(slug) ?? Object.freeze({ slug, source: undefined, translations: Object.freeze([]) });\n}`,
  );
  // Same API as lazy.js, answered from the modules already imported: re-exporting lazy.js here
  // would make its dynamic imports ineffective (a bundler warns and cannot split).
  lines.push(`/** Every guide without its body. */`);
  lines.push(
    `export const catalog = Object.freeze(guides.map((g) => Object.freeze({ slug: g.slug, locale: g.locale, title: g.title, kind: g.kind, steps: g.steps.length })));`,
  );
  lines.push(`/** One guide, as a promise (same signature as lazy.js). */`);
  lines.push(`export async function loadGuide(slug, locale) {\n  return getGuide(slug, locale);\n}`);
  return `${lines.join('\n')}\n`;
}

function findByLocale(entries: readonly GuideModuleEntry[], slug: string, locale: string | undefined): string {
  if (locale === undefined) return 'undefined';
  const i = entries.findIndex((e) => e.guide.slug === slug && e.guide.locale === locale);
  return i < 0 ? 'undefined' : `g${i}`;
}

/**
 * Code of the lazy catalogue: a light list of every guide (no bodies) and `loadGuide`, whose
 * dynamic imports let a bundler put each guide in its own chunk.
 *
 * @param source Guides.
 * @param specifierOf Import specifier of each guide module.
 * @returns ESM source.
 */
export function lazyModuleCode(source: DataSource, specifierOf: ImportSpecifierOf = (e) => `./${e.stem}.js`): string {
  const entries = guideModuleEntries(sorted(source.guides));
  const catalog = entries.map(({ guide }) => ({
    slug: guide.slug,
    locale: guide.locale,
    title: guide.title,
    kind: guide.kind,
    steps: guide.steps.length,
  }));
  const loaders = entries.map((e) => `  [${lit(`${e.guide.slug}\u0000${e.guide.locale}`)}, () => import(${lit(specifierOf(e))})]`);
  return [
    '/* Generated by guidekit. Do not edit. */',
    '/** Every guide without its body: enough for a list or a language switch. */',
    `export const catalog = Object.freeze(JSON.parse(${lit(JSON.stringify(catalog))}));`,
    `const loaders = new Map([\n${loaders.join(',\n')}\n]);`,
    '/** Load one guide on demand (its own chunk once bundled); undefined when there is none. */',
    "export async function loadGuide(slug, locale) {\n  const load = loaders.get(slug + '\\u0000' + locale);\n  return load ? (await load()).default : undefined;\n}",
    '',
  ].join('\n');
}

/**
 * Declarations of `Guide` as the generated modules export it: `@guidekit/model`'s, with
 * `frontmatter.extra` typed from the fields the project declares (`frontmatterFieldsType`), so
 * `guide.frontmatter.extra.difficulty` is `"easy" | "hard"` rather than `unknown`.
 *
 * @param fields The declared fields (`frontmatter` of `guidekit.config.json`), if any.
 * @param model Module the model's `Guide` comes from.
 * @returns Declaration lines exporting `Guide`.
 */
export function guideTypeLines(fields: FrontmatterFields | undefined, model = '@guidekit/model'): string[] {
  const extra = fields && Object.keys(fields.properties ?? {}).length > 0 ? frontmatterFieldsType(fields) : undefined;
  if (!extra) return [`export type { Guide } from ${lit(model)};`];
  return [
    `import type { Guide as ModelGuide } from ${lit(model)};`,
    '/** A guide, its front matter fields declared in guidekit.config.json typed. */',
    `export type Guide = Omit<ModelGuide, 'frontmatter'> & { frontmatter: Omit<ModelGuide['frontmatter'], 'extra'> & { extra: ${extra} } };`,
  ];
}

/**
 * Type declarations shared by `index.d.ts` and the ambient `virtual:guidekit` module: literal
 * unions of slugs and locales, so a misspelt slug is a type error.
 *
 * @param source Guides.
 * @param ambient True inside `declare module '…' {}`, where `declare` must not be repeated.
 * @param options Where to import `Guide` from.
 * @returns Declarations (without the module wrapper).
 */
export function dataTypesBody(source: DataSource, ambient: boolean, options: DataModuleOptions = {}): string {
  const model = options.modelModule ?? '@guidekit/model';
  const d = ambient ? '' : 'declare ';
  const guides = sorted(source.guides);
  const bySlug = new Map<string, Set<string>>();
  for (const g of guides) {
    const set = bySlug.get(g.slug) ?? new Set<string>();
    set.add(g.locale);
    bySlug.set(g.slug, set);
  }
  const locales = [...new Set(guides.map((g) => g.locale))].sort(byCodeUnit);
  const union = (values: Iterable<string>): string => {
    const list = [...values].map(lit);
    return list.length ? list.join(' | ') : 'never';
  };
  const sourceLocale = source.sourceLocale ?? source.config?.sourceLocale;
  const map = [...bySlug].map(([slug, set]) => `  ${lit(slug)}: ${union([...set].sort(byCodeUnit))};`);
  return [
    `import type { Guide } from ${lit(model)};`,
    'export type { Guide };',
    '/** Each slug with the locales it exists in. */',
    `export interface GuideLocales {\n${map.join('\n')}${map.length ? '\n' : ''}}`,
    '/** Every slug of the set. */',
    'export type GuideSlug = keyof GuideLocales;',
    '/** Every locale of the set. */',
    `export type GuideLocale = ${union(locales)};`,
    '/** A guide whose slug and locale are known literally. */',
    'export type GuideOf<S extends GuideSlug = GuideSlug, L extends string = GuideLocales[S]> = Guide & { readonly slug: S; readonly locale: L };',
    '/** The source version of a guide and its translations. */',
    'export interface GuideTranslations<S extends GuideSlug = GuideSlug> {\n  readonly slug: S;\n  readonly source: GuideOf<S> | undefined;\n  readonly translations: readonly GuideOf<S>[];\n}',
    '/** A guide in the catalogue, without its body. */',
    "export interface GuideSummary {\n  readonly slug: GuideSlug;\n  readonly locale: GuideLocale;\n  readonly title: string;\n  readonly kind: Guide['kind'];\n  readonly steps: number;\n}",
    '/** Every guide, sorted by slug then locale. */',
    `export ${d}const guides: readonly GuideOf[];`,
    '/** Locale the guides are written in first. */',
    `export ${d}const sourceLocale: ${sourceLocale === undefined ? 'undefined' : lit(sourceLocale)};`,
    '/** Every guide without its body. */',
    `export ${d}const catalog: readonly GuideSummary[];`,
    '/** One guide by slug and locale; both are checked against the set at compile time. */',
    `export ${d}function getGuide<S extends GuideSlug, L extends GuideLocales[S]>(slug: S, locale: L): GuideOf<S, L>;`,
    '/** The source version of a guide and its translations. */',
    `export ${d}function translationsOf<S extends GuideSlug>(slug: S): GuideTranslations<S>;`,
    '/** Load one guide on demand (its own chunk once bundled). */',
    `export ${d}function loadGuide<S extends GuideSlug, L extends GuideLocales[S]>(slug: S, locale: L): Promise<GuideOf<S, L>>;`,
    '',
  ].join('\n');
}

/**
 * The site-wide files of the data folder: `index.js`, `index.d.ts`, `lazy.js`, `lazy.d.ts`.
 * Split from the per-guide modules so a build can render those per guide and these once.
 *
 * @param source Guides and pairing.
 * @param options Where the declarations import `Guide` from.
 * @returns Four files.
 */
export function dataIndexFiles(source: DataSource, options: DataModuleOptions = {}): DataFile[] {
  return [
    { path: 'index.js', contents: indexModuleCode(source) },
    { path: 'index.d.ts', contents: `/* Generated by guidekit. Do not edit. */\n${dataTypesBody(source, false, options)}` },
    { path: 'lazy.js', contents: lazyModuleCode(source) },
    {
      path: 'lazy.d.ts',
      contents:
        "/* Generated by guidekit. Do not edit. */\nexport type { GuideLocale, GuideLocales, GuideOf, GuideSlug, GuideSummary } from './index.js';\nexport { catalog, loadGuide } from './index.js';\n",
    },
  ];
}

/**
 * Every file of the typed data folder (`dist/data`): `index.js` + `index.d.ts` (all guides,
 * `getGuide`, `translationsOf`, `loadGuide`), `lazy.js` + `lazy.d.ts` (catalogue and
 * `loadGuide` only) and one `<locale>/<slug>.js` + `.d.ts` per guide.
 *
 * Pure: the caller writes the files (the build through its manifest, so unchanged guides are not
 * rewritten).
 *
 * @param source Guides and pairing (a `LoadedContent` fits).
 * @param options Where the declarations import `Guide` from.
 * @returns Files sorted by path.
 */
export function generateDataModules(source: DataSource, options: DataModuleOptions = {}): DataFile[] {
  const files: DataFile[] = [];
  for (const entry of guideModuleEntries(sorted(source.guides))) {
    files.push({ path: `${entry.stem}.js`, contents: guideModuleCode(entry.guide) });
    files.push({ path: `${entry.stem}.d.ts`, contents: guideModuleTypes(entry.guide, options) });
  }
  files.push(...dataIndexFiles(source, options));
  return files.sort((a, b) => byCodeUnit(a.path, b.path));
}
