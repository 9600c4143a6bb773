import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '@guidekit/content';
import { createDiagnostic, type Diagnostic, type FrontmatterFields, type Guide } from '@guidekit/model';
import { parseGuide } from '@guidekit/parser';
import type { DataSource } from '@guidekit/render/formats';

/** One guide with the diagnostics that point into its file. */
export interface GuideEntry {
  guide: Guide;
  diagnostics: Diagnostic[];
}

/** A loaded content set, indexed by absolute file path for the plugin. */
export interface GuideSet {
  /** Absolute folder that `guide.path` and `diagnostic.file` are relative to. */
  root: string;
  /** What the data modules are generated from. */
  content: DataSource;
  /** The front matter fields the project declares (`guidekit.config.json` `frontmatter`), typed in the declarations. */
  frontmatter: FrontmatterFields | undefined;
  /** Absolute path of each guide's file (forward slashes, as Vite ids are) → guide and its diagnostics. */
  byFile: Map<string, GuideEntry>;
  /** Diagnostics about no guide in particular (configuration, a file that is not a guide). */
  unplaced: Diagnostic[];
  /** Absolute path of a guide's source file, with forward slashes (as Vite writes ids). */
  fileOf(guide: Guide): string;
}

/**
 * Load a content folder with `@guidekit/content` and index it by file, so the plugin can answer
 * a `?guide` import and attach each diagnostic to the module of the file it points into.
 *
 * @param contentDir Absolute folder handed to `loadContent`.
 * @returns The indexed set.
 */
export async function loadGuideSet(contentDir: string): Promise<GuideSet> {
  const loaded = await loadContent(contentDir);
  const root = path.resolve(loaded.root);
  const fileOf = (guide: Guide) => toPosix(path.resolve(root, guide.path));
  const byFile = new Map<string, GuideEntry>();
  for (const guide of loaded.guides) byFile.set(fileOf(guide), { guide, diagnostics: [] });
  const unplaced: Diagnostic[] = [];
  for (const d of loaded.diagnostics) {
    const entry = byFile.get(toPosix(path.resolve(root, d.file)));
    if (entry) entry.diagnostics.push(d);
    else unplaced.push(d);
  }
  return {
    root,
    content: {
      guides: loaded.guides,
      translations: loaded.translations,
      sourceLocale: loaded.config.sourceLocale,
    },
    frontmatter: loaded.config.frontmatter,
    byFile,
    unplaced,
    fileOf,
  };
}

/** Vite ids use `/` on every platform (`C:/x/y.md` on Windows). */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** A folder name that reads as a language tag (`fr`, `en-US`, `pt-br`). */
const LOCALE_FOLDER = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

/**
 * Parse a guide that lies outside the content folder: its locale comes from its folder name
 * (`…/fr/x.md`) or its `.fr.md` suffix, else `und` (undetermined), and no cross-file rule runs.
 *
 * @param file Absolute path of the guide.
 * @param root Folder the guide's `path` is made relative to (Vite's root).
 * @returns The guide and its parse diagnostics.
 */
export function parseOneGuide(file: string, root: string): GuideEntry {
  const rel = path.relative(root, file).split(path.sep).join('/');
  let source: Buffer;
  try {
    source = readFileSync(file);
  } catch (error) {
    // An unreadable file is a content problem of the importing app, reported like one.
    const d = createDiagnostic({
      file: rel,
      ruleId: 'vite/unreadable',
      message: `Unexpected unreadable file (${(error as Error).message}), expected a guide`,
    });
    return { guide: emptyGuide(rel), diagnostics: [d] };
  }
  const base = path.basename(file).replace(/\.mdx?$/, '');
  const suffix = /\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/.exec(base)?.[1];
  const folder = path.basename(path.dirname(file));
  const locale = suffix ?? (LOCALE_FOLDER.test(folder) ? folder.replace('_', '-') : 'und');
  const slug = suffix ? base.slice(0, -suffix.length - 1) : base;
  const { guide, diagnostics } = parseGuide(source, {
    path: rel,
    locale,
    slug,
    format: file.endsWith('.mdx') ? 'mdx' : 'md',
  });
  return { guide, diagnostics };
}

function emptyGuide(rel: string): Guide {
  return {
    slug: path.posix.basename(rel).replace(/\.mdx?$/, ''),
    locale: 'und',
    path: rel,
    format: rel.endsWith('.mdx') ? 'mdx' : 'md',
    frontmatter: { extra: {} },
    title: '',
    kind: 'article',
    sections: [],
    prerequisites: [],
    steps: [],
    sources: [],
    hash: '',
  };
}
