import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic, Guide } from '@guidekit/model';
import { imageSize } from 'image-size';
import { imagePosition } from './image-position.js';
import type { ImageInfo } from './context.js';

/** Folders images may come from. */
export interface AssetRoots {
  /** The content root (guides and images next to them). */
  contentRoot: string;
  /** The static folder that `/` maps to (`content/static`, a site's `public/`). Default: contentRoot. */
  staticDir?: string;
  /**
   * Remember resolutions here (keyed by the guide's folder and the URL): a build of thousands of
   * pages resolves the same images over and over, and each resolution costs several `realpath`
   * calls. Only for a snapshot of the tree (one build): files added later are not seen.
   */
  cache?: Map<string, AssetResolution>;
}

/** Where an image URL of a guide leads on disk, or why it may not be read. */
export type AssetResolution =
  | { ok: true; path: string }
  | { ok: false; reason: 'remote'; url: string }
  | { ok: false; reason: 'outside' | 'not-found' | 'invalid'; ruleId: string; message: string };

/** Images larger than this are left as links in single-file output (a page of 40 MB helps nobody). */
export const MAX_INLINE_BYTES = 8 * 1024 * 1024;

function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realOrNull(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

/**
 * Resolve an image URL written in a guide to a file, refusing every way out of the allowed
 * folders: `..` escapes (also percent-encoded), absolute filesystem paths and `file:`/drive URLs,
 * backslashes and NUL bytes, and symlinks whose target lies outside (checked on the real path).
 * `/x.png` maps into the static folder, `x.png` / `./x.png` next to the guide.
 *
 * @param url The image URL as written (`/images/a.png`).
 * @param roots Content root and static folder.
 * @param guidePath Path of the guide relative to the content root (for relative URLs).
 * @returns The real path of the file, or why not.
 */
export function resolveAssetPath(url: string, roots: AssetRoots, guidePath = ''): AssetResolution {
  if (!roots.cache) return resolveUncached(url, roots, guidePath);
  // `/`-rooted URLs resolve the same from every guide.
  const key = url.startsWith('/') && !url.startsWith('//') ? `\u0000${url}` : `${path.posix.dirname(guidePath)}\u0000${url}`;
  let resolution = roots.cache.get(key);
  if (!resolution) {
    resolution = resolveUncached(url, roots, guidePath);
    roots.cache.set(key, resolution);
  }
  return resolution;
}

function resolveUncached(url: string, roots: AssetRoots, guidePath: string): AssetResolution {
  const refuse = (message: string): AssetResolution => ({ ok: false, reason: 'outside', ruleId: 'render/asset-outside-root', message });
  if (/^(https?:)?\/\//i.test(url)) return { ok: false, reason: 'remote', url };
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return refuse(`Unexpected URL \`${url}\` for an image, expected a path inside the content root or static folder`);
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.replace(/[?#].*$/s, ''));
  } catch {
    return { ok: false, reason: 'invalid', ruleId: 'render/asset-invalid', message: `Unexpected malformed URL \`${url}\`, expected a percent-encoded path` };
  }
  if (decoded === '' || decoded.includes('\0') || decoded.includes('\\')) {
    return {
      ok: false,
      reason: 'invalid',
      ruleId: 'render/asset-invalid',
      message: `Unexpected image path \`${url}\`, expected a plain relative path with forward slashes`,
    };
  }
  const contentRoot = path.resolve(roots.contentRoot);
  const staticDir = path.resolve(roots.staticDir ?? roots.contentRoot);
  const base = decoded.startsWith('/') ? staticDir : path.dirname(path.join(contentRoot, guidePath));
  const candidate = path.join(base, decoded.startsWith('/') ? decoded.slice(1) : decoded);
  const allowed = decoded.startsWith('/') ? [staticDir] : [contentRoot, staticDir];
  if (!allowed.some((r) => inside(r, candidate))) {
    return refuse(`Unexpected image path \`${url}\` leading outside the content root, expected a file inside the content root or static folder`);
  }
  const real = realOrNull(candidate);
  if (real === null) {
    return {
      ok: false,
      reason: 'not-found',
      ruleId: 'render/asset-not-found',
      message: `Unexpected missing image \`${url}\`, expected a file at \`${path.relative(contentRoot, candidate).split(path.sep).join('/')}\``,
    };
  }
  const realRoots = allowed.map(realOrNull).filter((r): r is string => r !== null);
  if (!realRoots.some((r) => inside(r, real))) {
    return refuse(`Unexpected image \`${url}\` that is a link leading outside the content root, expected a file inside it`);
  }
  try {
    if (!statSync(real).isFile()) {
      return { ok: false, reason: 'not-found', ruleId: 'render/asset-not-found', message: `Unexpected folder at image \`${url}\`, expected a file` };
    }
  } catch {
    return { ok: false, reason: 'not-found', ruleId: 'render/asset-not-found', message: `Unexpected missing image \`${url}\`, expected a readable file` };
  }
  return { ok: true, path: real };
}

/**
 * A `readAsset` for `RenderContext`: reads images through `resolveAssetPath` (so nothing outside
 * the allowed folders is ever opened) and reports each refusal as a diagnostic on the guide.
 *
 * @param roots Content root and static folder.
 * @param onDiagnostic Receives `render/asset-*` diagnostics.
 * @returns `(url, guide) => bytes | undefined`.
 */
export function createAssetReader(roots: AssetRoots, onDiagnostic?: (d: Diagnostic) => void): (url: string, guide: Guide) => Uint8Array | undefined {
  return (url, guide) => {
    const r = resolveAssetPath(url, roots, guide.path);
    const report = (ruleId: string, message: string, severity: Diagnostic['severity']): void => {
      onDiagnostic?.(createDiagnostic({ file: guide.path, ruleId, message, severity, position: imagePosition(guide, url), data: { url } }));
    };
    if (!r.ok) {
      if (r.reason === 'remote')
        report('render/asset-remote', `Unexpected remote image \`${url}\` in a single-file page, expected a local file (left as a link)`, 'info');
      else report(r.ruleId, r.message, r.reason === 'outside' ? 'error' : 'warning');
      return undefined;
    }
    try {
      if (statSync(r.path).size > MAX_INLINE_BYTES) {
        report('render/asset-too-large', `Unexpected image \`${url}\` over ${MAX_INLINE_BYTES} bytes, expected a smaller file to inline`, 'warning');
        return undefined;
      }
      return readFileSync(r.path);
    } catch {
      report('render/asset-not-found', `Unexpected unreadable image \`${url}\`, expected a readable file`, 'warning');
      return undefined;
    }
  };
}

/**
 * Width and height of an image from the bytes of its header (PNG, JPEG, GIF, SVG, WebP and more,
 * through `image-size`). Never throws: unknown or broken data gives `undefined`.
 *
 * @param bytes The file's bytes.
 */
export function imageInfoFromBytes(bytes: Uint8Array): (ImageInfo & { type: string }) | undefined {
  try {
    const s = imageSize(bytes);
    if (!s.width || !s.height) return undefined;
    // EXIF orientations 5-8 swap the displayed width and height.
    const swap = s.orientation !== undefined && s.orientation >= 5;
    return { width: swap ? s.height : s.width, height: swap ? s.width : s.height, type: s.type ?? 'unknown' };
  } catch {
    return undefined;
  }
}

/**
 * An `imageInfo` for `RenderContext` that reads sizes from files under the allowed folders, once
 * per file.
 *
 * @param roots Content root and static folder.
 * @returns `(url, guide) => { width, height } | undefined`.
 */
export function createImageInfo(roots: AssetRoots): (url: string, guide: Guide) => ImageInfo | undefined {
  const cache = new Map<string, ImageInfo | undefined>();
  return (url, guide) => {
    const r = resolveAssetPath(url, roots, guide.path);
    if (!r.ok) return undefined;
    if (cache.has(r.path)) return cache.get(r.path);
    let info: ImageInfo | undefined;
    try {
      const i = imageInfoFromBytes(readFileSync(r.path));
      info = i ? { width: i.width, height: i.height } : undefined;
    } catch {
      info = undefined;
    }
    cache.set(r.path, info);
    return info;
  };
}

const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
};

/**
 * A `data:` URI for image bytes, typed from their header (not from the file name, which may lie).
 *
 * @param bytes Image bytes.
 * @returns The data URI, or undefined when the bytes are not a known image type.
 */
export function imageDataUri(bytes: Uint8Array): string | undefined {
  const info = imageInfoFromBytes(bytes);
  const mime = info ? MIME[info.type] : undefined;
  if (!mime) return undefined;
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}
