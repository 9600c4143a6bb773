import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';
import type { OutputFile } from './format.js';

/** The folder of the search index and UI under the HTML site (`html/pagefind/`). */
export const SEARCH_FOLDER = 'pagefind';

/** The file under `pagefind/` naming each locale's bundles, read by the page's search script. */
export const SEARCH_MANIFEST = 'bundles.json';

/**
 * Guide pages per Pagefind bundle. Pagefind cannot update an index, so one changed page means
 * indexing its whole bundle again (~2.5 ms of CPU a page here): a locale of up to this many pages
 * is one bundle, a larger one is cut into `ceil(pages / 250)` bundles the search UI merges
 * (Pagefind's `mergeIndex`: each bundle costs a reader one more small fetch of its entry, meta and
 * WebAssembly on the first search), so a one-page change re-indexes about 250 pages, not all.
 */
export const PAGES_PER_BUNDLE = 250;

/** Bumped when what a bundle holds changes without its pages changing. */
const SEARCH_VERSION = 1;

/** A guide page of the site to index: its path under the site folder and the sha256 of its bytes. */
export interface SearchPage {
  /** POSIX path under the site folder: `<locale>/<slug>/index.html`. */
  path: string;
  sha: string;
}

/** One bundle as the manifest records it. */
interface BundleRecord {
  /** Folder under `pagefind/`: `<locale>/<n>/`. */
  path: string;
  /** Hash of the search version, Pagefind's version and the bundle's pages with their hashes. */
  key: string;
  /** Every file of the bundle (relative to its folder) and its sha256. */
  files: Record<string, string>;
}

/** `pagefind/bundles.json`. */
interface SearchManifest {
  version: number;
  /** Bundle folders per locale, the first one the primary (its UI files are loaded). */
  locales: Record<string, string[]>;
  bundles: BundleRecord[];
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function searchError(message: string): Diagnostic {
  return createDiagnostic({
    file: '.',
    ruleId: 'render/search-index',
    severity: 'error',
    message: `Unexpected failure of the search index: ${message}, expected Pagefind to index the HTML pages`,
  });
}

/** Every file under `dir` (POSIX paths relative to it), sorted. */
function listDir(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const parent = (entry as unknown as { parentPath?: string; path: string }).parentPath ?? (entry as unknown as { path: string }).path;
    files.push(relative(dir, join(parent, entry.name)).split(sep).join('/'));
  }
  return files.sort();
}

/** A guide page's path under the site folder: `<locale>/<slug>/index.html`. */
export const GUIDE_PAGE = /^(?!pagefind\/|_static\/)[^/]+\/[^/]+\/index\.html$/;

/** The guide pages under a site folder, hashed from disk (for a caller that has no hashes at hand). */
function pagesOnDisk(siteDir: string): SearchPage[] {
  return listDir(siteDir)
    .filter((path) => GUIDE_PAGE.test(path))
    .map((path) => ({ path, sha: sha256(readFileSync(join(siteDir, path))) }));
}

/** Pagefind's version: a new one may write other files from the same pages. */
function pagefindVersion(): string {
  try {
    return (createRequire(import.meta.url)('pagefind/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * The bundles of a site: each locale's guide pages cut into `ceil(pages / PAGES_PER_BUNDLE)`
 * bundles by a hash of the page's path, so a page stays in its bundle while the locale's bundle
 * count does not change.
 */
export function planBundles(pages: readonly SearchPage[]): { locale: string; path: string; pages: SearchPage[] }[] {
  const byLocale = new Map<string, SearchPage[]>();
  for (const page of pages) {
    const locale = page.path.slice(0, page.path.indexOf('/'));
    const list = byLocale.get(locale);
    if (list) list.push(page);
    else byLocale.set(locale, [page]);
  }
  const bundles: { locale: string; path: string; pages: SearchPage[] }[] = [];
  for (const locale of [...byLocale.keys()].sort()) {
    const list = byLocale.get(locale) as SearchPage[];
    const count = Math.max(1, Math.ceil(list.length / PAGES_PER_BUNDLE));
    const parts: SearchPage[][] = Array.from({ length: count }, () => []);
    for (const page of list) parts[Number.parseInt(sha256(page.path).slice(0, 8), 16) % count]?.push(page);
    parts.forEach((part, n) => {
      if (part.length > 0) bundles.push({ locale, path: `${locale}/${n}/`, pages: part.sort((a, b) => (a.path < b.path ? -1 : 1)) });
    });
  }
  return bundles;
}

function readManifest(searchDir: string): SearchManifest | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(searchDir, SEARCH_MANIFEST), 'utf8')) as SearchManifest;
    return parsed.version === SEARCH_VERSION && Array.isArray(parsed.bundles) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A bundle's files as the last build committed them, when every one is there with its recorded bytes. */
function keptBundle(searchDir: string, record: BundleRecord | undefined, key: string): Map<string, Buffer> | undefined {
  if (!record || record.key !== key) return undefined;
  const files = new Map<string, Buffer>();
  for (const [name, sha] of Object.entries(record.files)) {
    try {
      const data = readFileSync(join(searchDir, record.path, name));
      if (sha256(data) !== sha) return undefined;
      files.set(name, data);
    } catch {
      return undefined;
    }
  }
  return files;
}

type Pagefind = typeof import('pagefind');

/** What a bundle's files are made from: the search version, Pagefind's, and its pages with their hashes. */
function bundleKey(version: string, pages: readonly SearchPage[]): string {
  return sha256(JSON.stringify([SEARCH_VERSION, version, pages.map((p) => [p.path, p.sha])]));
}

/** One bundle indexed by Pagefind: its files, by name, and Pagefind's errors. */
interface IndexedBundle {
  files: Map<string, Buffer>;
  errors: string[];
}

/** A path Pagefind's glob matches literally: letters, digits and `._~-/` (others would need escaping). */
const LITERAL_PATH = /^[\p{L}\p{N}._~/-]+$/u;

/** Index one bundle's pages with Pagefind, into a scratch folder read back as bytes. */
async function indexBundle(pagefind: Pagefind, siteDir: string, pages: readonly SearchPage[], scratch: string): Promise<IndexedBundle> {
  const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
  if (!index) return { files: new Map(), errors };
  const problems = [...errors];
  // Pagefind reads the pages itself, named by one glob of alternatives (`{a,b,c}`): several times
  // faster than sending each page's text through its service's pipe. A path with other
  // characters is sent as text.
  const literal = pages.filter((page) => LITERAL_PATH.test(page.path));
  if (literal.length > 0) problems.push(...(await index.addDirectory({ path: siteDir, glob: `{${literal.map((p) => p.path).join(',')}}` })).errors);
  for (const page of pages.filter((p) => !LITERAL_PATH.test(p.path))) {
    problems.push(...(await index.addHTMLFile({ url: `/${page.path}`, content: readFileSync(join(siteDir, page.path), 'utf8') })).errors);
  }
  const written = await index.writeFiles({ outputPath: scratch });
  await index.deleteIndex();
  problems.push(...written.errors);
  return { files: new Map(listDir(scratch).map((name) => [name, readFileSync(join(scratch, name))])), errors: problems };
}

/**
 * Build the site's full-text search with Pagefind (its own binary, from the `pagefind` package's
 * platform package; no server). Each locale's guide pages are indexed in bundles of up to
 * {@link PAGES_PER_BUNDLE} pages (`pagefind/<locale>/<n>/`), what is inside `data-pagefind-body` (a
 * guide's article) per language, each step heading with an id a sub-result (`#step-3`);
 * `pagefind/bundles.json` lists each locale's bundles for the page's search script, with each
 * bundle's key and files. A bundle whose pages did not change since the last build (same key, its
 * files on disk with their recorded bytes) is not indexed again: a one-page change re-indexes
 * one bundle. Everything comes back as files for `<prefix>/pagefind/` (nothing is written under
 * the site folder), so the publisher commits them like any output. Failures are diagnostics, never
 * exceptions.
 *
 * @param siteDir Absolute folder of the HTML site (the committed `html/`).
 * @param pages The guide pages to index, with their hashes (default: every `<locale>/<slug>/index.html` under `siteDir`).
 * @param prefix Output path of the site folder (`html`).
 * @param prefetch Bundles indexed while the pages rendered: one is used when its key is the bundle's key now.
 * @returns The files of `html/pagefind/`, diagnostics, the pages in the index and the bundles indexed again.
 */
export async function buildSearchIndex(
  siteDir: string,
  pages: readonly SearchPage[] = pagesOnDisk(siteDir),
  prefix = 'html',
  prefetch?: SearchPrefetch,
): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[]; pages: number; indexed: string[] }> {
  const searchDir = join(siteDir, SEARCH_FOLDER);
  const previous = new Map((readManifest(searchDir)?.bundles ?? []).map((b) => [b.path, b]));
  const version = pagefindVersion();
  const manifest: SearchManifest = { version: SEARCH_VERSION, locales: {}, bundles: [] };
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const indexed: string[] = [];
  let pagefind: Pagefind | undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'guidekit-search-'));
  try {
    for (const bundle of planBundles(pages)) {
      const key = bundleKey(version, bundle.pages);
      let made = keptBundle(searchDir, previous.get(bundle.path), key);
      if (!made) {
        const early = prefetch?.take(bundle.path, key);
        let result: IndexedBundle;
        if (early) result = await early;
        else {
          pagefind ??= await import('pagefind');
          result = await indexBundle(pagefind, siteDir, bundle.pages, join(scratch, bundle.path));
        }
        diagnostics.push(...result.errors.map(searchError));
        made = result.files;
        indexed.push(bundle.path);
      }
      manifest.locales[bundle.locale] = [...(manifest.locales[bundle.locale] ?? []), bundle.path];
      manifest.bundles.push({ path: bundle.path, key, files: Object.fromEntries([...made].map(([name, data]) => [name, sha256(data)])) });
      for (const [name, data] of made) files.push({ path: `${prefix}/${SEARCH_FOLDER}/${bundle.path}${name}`, data });
    }
  } catch (error) {
    return { files: [], diagnostics: [searchError(error instanceof Error ? error.message : String(error))], pages: 0, indexed };
  } finally {
    await prefetch?.close();
    await pagefind?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  // Last: a build stopped before it leaves the previous manifest, whose keys no longer match.
  files.push({ path: `${prefix}/${SEARCH_FOLDER}/${SEARCH_MANIFEST}`, data: `${JSON.stringify(manifest, null, 1)}\n` });
  return { files, diagnostics, pages: pages.length, indexed };
}

/**
 * The search index begun while the pages render. Given every guide page the site will have (with
 * its hash when the build keeps it), it knows each page's bundle; the publisher renders guides in
 * bundle order ({@link SearchPrefetch.order}) and tells it of each page committed, and once the
 * last page of a bundle is in, Pagefind indexes that bundle (its own process, one bundle at a
 * time) while the next bundle renders. {@link buildSearchIndex} then takes a bundle made early
 * only when its key is the bundle's key from the final pages; a bundle whose key is the one the
 * last build recorded is left to it (kept, not indexed). On a cold build of 2,002 guides this
 * hides Pagefind's ~4 s behind the rendering on a machine with two cores.
 */
export class SearchPrefetch {
  readonly #siteDir: string;
  readonly #version = pagefindVersion();
  readonly #recorded: Map<string, string>;
  readonly #bundles: { path: string; pages: string[]; shas: Map<string, string> }[];
  readonly #bundleOf = new Map<string, number>();
  readonly #made = new Map<string, { key: string; result: Promise<IndexedBundle> }>();
  readonly #scratch = mkdtempSync(join(tmpdir(), 'guidekit-search-early-'));
  #queue: Promise<unknown> = Promise.resolve();
  #pagefind: Pagefind | undefined;

  /**
   * @param siteDir Absolute folder of the HTML site.
   * @param pages Every guide page the site will have, with its hash when it is not rendered again.
   */
  constructor(siteDir: string, pages: readonly { path: string; sha?: string | undefined }[]) {
    this.#siteDir = siteDir;
    this.#recorded = new Map((readManifest(join(siteDir, SEARCH_FOLDER))?.bundles ?? []).map((b) => [b.path, b.key]));
    const known = new Map(pages.flatMap((p) => (p.sha ? [[p.path, p.sha] as const] : [])));
    this.#bundles = planBundles(pages.map((p) => ({ path: p.path, sha: '' }))).map((bundle, n) => {
      for (const page of bundle.pages) this.#bundleOf.set(page.path, n);
      const paths = bundle.pages.map((p) => p.path);
      return { path: bundle.path, pages: paths, shas: new Map(paths.flatMap((p) => (known.has(p) ? [[p, known.get(p) as string] as const] : []))) };
    });
  }

  /** The render position of a page: its bundle's number (a page of no bundle last). */
  order(path: string): number {
    return this.#bundleOf.get(path) ?? Number.MAX_SAFE_INTEGER;
  }

  /** A page is committed with bytes of hash `sha`; the last page of its bundle starts the bundle. */
  written(path: string, sha: string): void {
    const bundle = this.#bundles[this.#bundleOf.get(path) ?? -1];
    if (!bundle) return;
    bundle.shas.set(path, sha);
    if (bundle.shas.size < bundle.pages.length) return;
    const pages = bundle.pages.map((p) => ({ path: p, sha: bundle.shas.get(p) as string }));
    const key = bundleKey(this.#version, pages);
    if (this.#recorded.get(bundle.path) === key || this.#made.get(bundle.path)?.key === key) return;
    const run = async (): Promise<IndexedBundle> => {
      this.#pagefind ??= await import('pagefind');
      return indexBundle(this.#pagefind, this.#siteDir, pages, join(this.#scratch, bundle.path));
    };
    const result = this.#queue.then(run);
    // A failure is the site step's to report, when it takes this bundle; never an unhandled rejection.
    this.#queue = result.catch(() => undefined);
    this.#made.set(bundle.path, { key, result });
  }

  /** The bundles begun so far (`<locale>/<n>/`), in the order they were. */
  get started(): string[] {
    return [...this.#made.keys()];
  }

  /** The bundle indexed early under `key`, if there is one. */
  take(path: string, key: string): Promise<IndexedBundle> | undefined {
    const made = this.#made.get(path);
    return made?.key === key ? made.result : undefined;
  }

  /** Wait for Pagefind to finish what was started, then close it and remove the scratch folder. */
  async close(): Promise<void> {
    await this.#queue;
    await this.#pagefind?.close();
    this.#pagefind = undefined;
    rmSync(this.#scratch, { recursive: true, force: true });
  }
}
