import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic, type Diagnostic, type Guide, type Position } from '@guidekit/model';
import { resolveConfigPath, type ResolvedConfig } from './config.js';

/** Rule id of an image whose file does not exist. */
export const MISSING_IMAGE_RULE_ID = 'content/missing-image';
/** Rule id of the note saying images were not checked (no static folder). */
export const NO_STATIC_DIR_RULE_ID = 'content/no-static-dir';

/** An image a guide points at, with where it is written. */
export interface ImageUse {
  url: string;
  position?: Position;
  /** `frontmatter` for the `image:` key, `body` for `![alt](url)`. */
  from: 'frontmatter' | 'body';
}

/**
 * Find the static folder `/`-rooted image URLs map to: the configured `staticDir`, else the
 * first existing of `<root>/static`, `<root>/public`, `<root>/../public`.
 *
 * @param root Absolute content root.
 * @param config The resolved configuration.
 * @returns The absolute folder and the candidates looked at.
 */
export function findStaticDir(root: string, config: ResolvedConfig): { dir: string | null; candidates: string[] } {
  const candidates = config.staticDir
    ? [resolveConfigPath(config, config.staticDir)]
    : [path.join(root, 'static'), path.join(root, 'public'), path.join(root, '..', 'public')];
  for (const candidate of candidates) {
    if (isDirectory(candidate)) return { dir: candidate, candidates };
  }
  return { dir: null, candidates };
}

/**
 * Resolve an image URL to a file: `/a/b.png` against the static folder, `b.png` / `./b.png`
 * against the guide's folder. Remote (`http:`, `data:`...) and protocol-relative URLs are not
 * files and give `undefined`; so does a path escaping its base folder.
 *
 * @param url The URL as written.
 * @param guideFile Absolute path of the guide.
 * @param staticDir Absolute static folder.
 * @returns The absolute file path, or `undefined` when the URL is not a local file.
 */
export function resolveImage(url: string, guideFile: string, staticDir: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return undefined;
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed)) return undefined;
  const pathname = trimmed.replace(/[?#].*$/s, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    decoded = pathname;
  }
  const base = decoded.startsWith('/') ? staticDir : path.dirname(guideFile);
  const resolved = path.resolve(base, `.${path.sep}${decoded.replace(/^\/+/, '')}`);
  const rel = path.relative(base, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return resolved;
}

/**
 * Every image of a guide: front matter `image:` and every `image` node of every section (each
 * source line belongs to exactly one section, so nothing is counted twice).
 *
 * @param guide A parsed guide.
 * @param source Its raw text, to place the front matter key.
 * @returns The images in source order.
 */
export function collectImages(guide: Guide, source: string | undefined): ImageUse[] {
  const uses: ImageUse[] = [];
  const fm = guide.frontmatter.image;
  if (typeof fm === 'string' && fm.trim() !== '') {
    const use: ImageUse = { url: fm.trim(), from: 'frontmatter' };
    const position = source === undefined ? undefined : frontmatterKeyPosition(source, 'image');
    if (position) use.position = position;
    uses.push(use);
  }
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; url?: unknown; position?: Position; children?: unknown };
    if (n.type === 'image' && typeof n.url === 'string') {
      const use: ImageUse = { url: n.url, from: 'body' };
      if (n.position) use.position = n.position;
      uses.push(use);
    }
    if (Array.isArray(n.children)) for (const child of n.children) visit(child);
  };
  for (const section of guide.sections) for (const block of section.blocks) visit(block);
  return uses;
}

/**
 * Report images whose file is missing, at the image's place in the guide.
 *
 * @param uses The guide's images (see {@link collectImages}).
 * @param guidePath The guide's path relative to the content root (the diagnostics' `file`).
 * @param absPath Absolute path of the guide file.
 * @param staticDir Absolute static folder.
 * @param root Absolute content root (messages show paths relative to it).
 * @param exists Memoised existence check shared across guides.
 * @returns `content/missing-image` errors.
 */
export function checkImages(
  uses: readonly ImageUse[],
  guidePath: string,
  absPath: string,
  staticDir: string,
  root: string,
  exists: (file: string) => boolean,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const use of uses) {
    const file = resolveImage(use.url, absPath, staticDir);
    if (file === undefined || exists(file)) continue;
    const expected = toPosix(path.relative(root, file));
    out.push(
      createDiagnostic({
        file: guidePath,
        ruleId: MISSING_IMAGE_RULE_ID,
        message: `Unexpected missing image \`${use.url}\`${use.from === 'frontmatter' ? ' in front matter' : ''}, expected a file at \`${expected}\``,
        position: use.position,
        data: { url: use.url, expected },
      }),
    );
  }
  return out;
}

/**
 * A memoised `exists` for files, so one image used by many guides is looked up once.
 *
 * @returns The check function.
 */
export function createExistsCache(): (file: string) => boolean {
  const seen = new Map<string, boolean>();
  return (file) => {
    let known = seen.get(file);
    if (known === undefined) {
      known = existsSync(file);
      seen.set(file, known);
    }
    return known;
  };
}

/** Line and columns of a top-level `key:` inside the leading front matter block. */
export function frontmatterKeyPosition(source: string, key: string): Position | undefined {
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const bom = source.startsWith('\uFEFF') ? 1 : 0;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line.trimEnd() === '---' || line.trimEnd() === '...') return undefined;
    if (line.startsWith(`${key}:`)) {
      const column = 1 + (i === 0 ? bom : 0);
      return { start: { line: i + 1, column }, end: { line: i + 1, column: line.length + 1 } };
    }
  }
  return undefined;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
