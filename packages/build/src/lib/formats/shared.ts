import { statSync } from 'node:fs';
import * as path from 'node:path';
import type { Guide } from '@guidekit/model';
import { resolveAssetPath } from '@guidekit/render/assets';
import type { AssetResolution, AssetRoots, SiteInfo } from '@guidekit/render';
import type { FormatContext } from '../format.js';

let renderModule: Promise<typeof import('@guidekit/render')> | undefined;
/**
 * `@guidekit/render` (remark-rehype, the sanitizer, shiki...), loaded when a format first renders:
 * planning needs only `@guidekit/render/assets`, and a build whose pages all render on threads
 * loads the renderers on its main thread only for the indexes, after the threads are gone.
 */
export function loadRender(): Promise<typeof import('@guidekit/render')> {
  renderModule ??= import('@guidekit/render');
  return renderModule;
}

/** Content root and static folder: the only folders images are read from. */
export function assetRoots(ctx: FormatContext): AssetRoots {
  // One object per build context, whose cache remembers every resolution for the whole build.
  let roots = ctx.memo.get('asset-roots') as AssetRoots | undefined;
  if (!roots) {
    const cache = new Map<string, AssetResolution>();
    roots = ctx.staticDir ? { contentRoot: ctx.root, staticDir: ctx.staticDir, cache } : { contentRoot: ctx.root, cache };
    ctx.memo.set('asset-roots', roots);
  }
  return roots;
}

/** Site facts every page shows: the locales, the source locale, and the configured title and URL. */
export function siteInfo(ctx: FormatContext): SiteInfo {
  const site = ctx.config.site ?? {};
  return {
    locales: ctx.locales,
    sourceLocale: ctx.config.sourceLocale,
    ...(site.title !== undefined ? { title: site.title } : {}),
    ...(site.url !== undefined ? { baseUrl: site.url } : {}),
  };
}

/**
 * The images of a guide as part of a render key: where each URL resolves and the file's size
 * and modification time, so replacing an image re-renders the pages that embed or size it.
 * Memoised in the build's shared `memo`: HTML, single-file and PDF ask for the same guide.
 */
export function imageInputs(guide: Guide, ctx: FormatContext): [string, string][] {
  const key = `images:${guide.path}`;
  const known = ctx.memo.get(key) as [string, string][] | undefined;
  if (known) return known;
  const result = ctx.imageUrls(guide).map((url): [string, string] => {
    const resolved = resolveAssetPath(url, assetRoots(ctx), guide.path);
    if (!resolved.ok) return [url, resolved.reason];
    const statKey = `stat:${resolved.path}`;
    let stamp = ctx.memo.get(statKey) as string | undefined;
    if (stamp === undefined) {
      try {
        const s = statSync(resolved.path);
        stamp = `${resolved.path}:${s.size}:${Math.trunc(s.mtimeMs)}`;
      } catch {
        stamp = 'unreadable';
      }
      ctx.memo.set(statKey, stamp);
    }
    return [url, stamp];
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
export function publishedImage(url: string, guide: Guide, ctx: FormatContext): { rel: string; file: string } | undefined {
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
