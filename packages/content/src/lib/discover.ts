import { readdir } from 'node:fs/promises';
import { byCodeUnit } from '@guidekit/model';
import path from 'node:path';
import { localeFromFolder, splitLocaleSuffix } from './locale.js';

/** A guide file found in the tree, before it is read. */
export interface GuideFile {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the content root, POSIX separators. */
  path: string;
  format: 'md' | 'mdx';
  /** Locale from the path (`<locale>/` folder or `.<locale>.md` suffix), if any. */
  pathLocale?: string;
  /** Slug from the path: the file's path below its locale folder, without locale suffix nor extension. */
  pathSlug: string;
}

/** Options of {@link discoverGuides}. */
export interface DiscoverOptions {
  /** Merged locale alias table. */
  aliases: Readonly<Record<string, string>>;
  /** Absolute folders never entered (the static folder, the output folder). */
  exclude?: readonly string[];
}

/** Site section pages (`_index.md`, `-index.md`) are not guides. */
const SECTION_PAGE = /^[-_]index$/;

/**
 * Walk a content root and list its guide files in every supported layout, mixed:
 * `<root>/<locale>/<slug>.md(x)` (BCP 47 or language-name folders), `<root>/<slug>.<locale>.md`,
 * or neither (the locale then comes from front matter or the source locale).
 * `node_modules`, dot folders and excluded folders are skipped. The result is sorted by path.
 *
 * @param root Absolute content root.
 * @param options Alias table and excluded folders.
 * @returns Guide files, sorted by path.
 */
export async function discoverGuides(root: string, options: DiscoverOptions): Promise<GuideFile[]> {
  const exclude = new Set((options.exclude ?? []).map((p) => path.resolve(p)));
  const found: GuideFile[] = [];

  async function walk(dir: string, segments: string[]): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      // A folder that vanished or cannot be read holds no guide we could load.
      return;
    }
    const subdirs: Promise<void>[] = [];
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const abs = path.join(dir, name);
      if (entry.isDirectory()) {
        if (name === 'node_modules' || exclude.has(abs)) continue;
        subdirs.push(walk(abs, [...segments, name]));
        continue;
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue;
      const match = /\.(mdx?)$/i.exec(name);
      if (!match) continue;
      const format = match[1]?.toLowerCase() === 'mdx' ? 'mdx' : 'md';
      const { stem, locale: suffixLocale } = splitLocaleSuffix(name.slice(0, -match[0].length));
      if (SECTION_PAGE.test(stem)) continue;
      // The deepest locale folder wins: `<root>/docs/fr/azure/x.md` is French, slug `azure/x`.
      let folderIndex = -1;
      let folderLocale: string | undefined;
      for (let i = segments.length - 1; i >= 0; i--) {
        const locale = localeFromFolder(segments[i] ?? '', options.aliases);
        if (locale) {
          folderIndex = i;
          folderLocale = locale;
          break;
        }
      }
      const below = folderIndex >= 0 ? segments.slice(folderIndex + 1) : segments;
      const file: GuideFile = {
        absPath: abs,
        path: [...segments, name].join('/'),
        format,
        pathSlug: [...below, stem].join('/'),
      };
      const pathLocale = suffixLocale ?? folderLocale;
      if (pathLocale) file.pathLocale = pathLocale;
      found.push(file);
    }
    await Promise.all(subdirs);
  }

  await walk(root, []);
  return found.sort((a, b) => byCodeUnit(a.path, b.path));
}
