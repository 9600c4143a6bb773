import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { Guide } from '@guidekit/model';
import { resolveAssetPath } from '../assets.js';
import type { AssetResolution, AssetRoots } from '../assets.js';
import type { SiteInfo } from '../context.js';
import type { FormatContext } from '../format.js';

/** Content root and static folder: the only folders images are read from (one object per build). */
export function assetRoots(ctx: FormatContext): AssetRoots {
  let roots = ctx.memo.get('asset-roots') as AssetRoots | undefined;
  if (!roots) {
    // Its cache remembers every resolution for the whole build.
    const cache = new Map<string, AssetResolution>();
    roots = ctx.staticDir
      ? { contentRoot: ctx.root, staticDir: ctx.staticDir, cache }
      : { contentRoot: ctx.root, cache };
    ctx.memo.set('asset-roots', roots);
  }
  return roots;
}

/** Site facts every page shows: the locales, the source locale, the configured title and URL, the authors' schema.org type. */
export function siteInfo(ctx: FormatContext): SiteInfo {
  const site = ctx.config.site ?? {};
  return {
    locales: ctx.locales,
    sourceLocale: ctx.config.sourceLocale,
    ...(site.title !== undefined ? { title: site.title } : {}),
    ...(site.url !== undefined ? { baseUrl: site.url } : {}),
    ...(site.authorType !== undefined ? { authorType: site.authorType } : {}),
    ...(site.authors !== undefined ? { authors: site.authors } : {}),
  };
}

/** Size and modification time of an image file, once per build. */
function statStamp(file: string, ctx: FormatContext): string {
  const key = `stat:${file}`;
  let stamp = ctx.memo.get(key) as string | undefined;
  if (stamp === undefined) {
    try {
      const s = statSync(file);
      stamp = `${file}:${s.size}:${Math.trunc(s.mtimeMs)}`;
    } catch {
      stamp = 'unreadable';
    }
    ctx.memo.set(key, stamp);
  }
  return stamp;
}

/**
 * The images of a guide as part of a unit's key: where each URL resolves and the file's size
 * and modification time, so replacing an image re-renders the pages that embed or size it.
 * Memoised per build: HTML, single-file and PDF ask for the same guide.
 */
export function imageInputs(guide: Guide, ctx: FormatContext): [string, string][] {
  const key = `images:${guide.path}`;
  const known = ctx.memo.get(key) as [string, string][] | undefined;
  if (known) return known;
  const result = ctx.imageUrls(guide).map((url): [string, string] => {
    const resolved = resolveAssetPath(url, assetRoots(ctx), guide.path);
    return [url, resolved.ok ? statStamp(resolved.path, ctx) : resolved.reason];
  });
  ctx.memo.set(key, result);
  return result;
}

/**
 * Where a local image is published in the HTML site, relative to `html/`: files of the static
 * folder under `_static/` (as `/` maps to it), files next to guides under `_content/`. The
 * underscore keeps them apart from locale folders.
 *
 * @returns The POSIX path relative to `html/`, or undefined for a remote, missing or refused image.
 */
export function publishedImage(
  url: string,
  guide: Guide,
  ctx: FormatContext,
): { rel: string; file: string } | undefined {
  const resolved = resolveAssetPath(url, assetRoots(ctx), guide.path);
  if (!resolved.ok) return undefined;
  const inStatic = ctx.staticDir ? path.relative(ctx.staticDir, resolved.path) : undefined;
  const rel =
    inStatic !== undefined && !inStatic.startsWith('..') && !path.isAbsolute(inStatic)
      ? `_static/${inStatic}`
      : `_content/${path.relative(ctx.root, resolved.path)}`;
  const posix = rel.split(path.sep).join('/');
  // Real paths can still hold `..` when the root itself is reached through a link: refuse those.
  if (posix.split('/').includes('..')) return undefined;
  return { rel: posix, file: resolved.path };
}

/** Percent-encode each segment of a POSIX path for use in a URL. */
export function encodePath(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** `<id>/<locale>/<slug><ext>`: the path most per-guide formats use. */
export function guidePath(
  id: string,
  ext: string,
): (guide: Pick<Guide, 'locale' | 'slug'>) => string {
  return (guide) => `${id}/${guide.locale}/${guide.slug}${ext}`;
}
