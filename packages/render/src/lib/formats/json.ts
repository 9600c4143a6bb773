import { byCodeUnit, type Guide } from '@guidekit/model';
import { defaultHrefFor } from '../context.js';
import type { FormatName, RenderContext } from '../context.js';

/** Options of {@link renderJson} and {@link renderJsonIndex}. */
export interface JsonOptions {
  /**
   * Spaces of indentation, 0 for compact JSON (the default). Guides carry a position for every
   * node: two-space indentation makes a file about three times bigger for the same data.
   */
  indent?: number;
}

/** `JSON.stringify`'s `space` for an indent option (compact when absent, 0 or not a positive number). */
function space(options: JsonOptions): number | undefined {
  const n = options.indent;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? Math.min(10, Math.floor(n)) : undefined;
}

/**
 * A guide as JSON (`json/<locale>/<slug>.json`), valid against `guide.schema.json`: the parsed
 * `Guide` as it is, compact unless `indent` says otherwise, with a final newline (stable bytes
 * for the incremental build).
 *
 * @param guide The guide.
 * @param options `indent`: spaces of indentation (default 0, compact).
 * @returns The JSON text.
 */
export function renderJson(guide: Guide, options: JsonOptions = {}): string {
  return `${JSON.stringify(guide, null, space(options))}\n`;
}

/** One guide in `json/index.json`. */
export interface JsonIndexEntry {
  slug: string;
  locale: string;
  title: string;
  description?: string;
  kind: Guide['kind'];
  steps: number;
  date?: string;
  path: string;
  hash: string;
  /** Other locales of the same slug, sorted. */
  translations: string[];
  /** Relative URLs of this guide in each format, from the `dist/` root. */
  files: Partial<Record<FormatName, string>>;
}

/** `json/index.json`: every guide, sorted by slug then locale. */
export interface JsonIndex {
  version: 1;
  guides: JsonIndexEntry[];
}

/**
 * The index of every guide (`json/index.json`): slug, locale, title, kind, step count, the
 * other locales of the same slug, and where each format lives under `dist/`.
 *
 * @param guides Every guide.
 * @param options `formats` to list in `files` (default html, single, json, md, jsonld), `hrefFor`,
 * and `indent` (default 0, compact).
 * @returns The JSON text.
 */
export function renderJsonIndex(guides: readonly Guide[], options: JsonOptions & { formats?: readonly FormatName[]; hrefFor?: RenderContext['hrefFor'] } = {}): string {
  const formats = options.formats ?? ['html', 'single', 'json', 'md', 'jsonld'];
  const hrefFor = options.hrefFor ?? defaultHrefFor;
  const bySlug = new Map<string, Set<string>>();
  for (const g of guides) {
    const set = bySlug.get(g.slug) ?? new Set<string>();
    set.add(g.locale);
    bySlug.set(g.slug, set);
  }
  const folder: Record<FormatName, string> = { html: 'html', single: 'single', json: 'json', md: 'md', jsonld: 'jsonld', print: 'print' };
  const entries = [...guides]
    .sort((a, b) => byCodeUnit(a.slug, b.slug) || byCodeUnit(a.locale, b.locale))
    .map((g): JsonIndexEntry => {
      const e: JsonIndexEntry = {
        slug: g.slug,
        locale: g.locale,
        title: g.title,
        kind: g.kind,
        steps: g.steps.length,
        path: g.path,
        hash: g.hash,
        translations: [...(bySlug.get(g.slug) ?? [])].filter((l) => l !== g.locale).sort(),
        files: Object.fromEntries(formats.map((f) => [f, `${folder[f]}/${hrefFor(null, g, f)}`])),
      };
      if (g.description !== undefined) e.description = g.description;
      if (g.frontmatter.date !== undefined) e.date = g.frontmatter.date;
      return e;
    });
  const index: JsonIndex = { version: 1, guides: entries };
  return `${JSON.stringify(index, null, space(options))}\n`;
}
