import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createDiagnostic } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';
import type { OutputFile } from './format.js';

/** The folder of the search index and UI under the HTML site (`html/pagefind/`). */
export const SEARCH_FOLDER = 'pagefind';

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

/**
 * Build the site's full-text search with Pagefind (its own binary, from the `pagefind` package's
 * platform package; no server): every page under `htmlDir` is read, what is inside
 * `data-pagefind-body` (a guide's article) is indexed per language (`<html lang>`), each step
 * heading with an id a sub-result (`#step-3`). The index and Pagefind's UI come back as files
 * for `<format>/pagefind/` (nothing is written under `htmlDir`), so the publisher commits them like
 * any output. Pagefind writes them to a temporary folder and they are read back as bytes: its
 * in-memory `getFiles` sends the whole index as one base64 JSON message, several times the
 * index's size in transient memory (the peak of a large build). Failures are diagnostics, never
 * exceptions.
 *
 * @param htmlDir Absolute folder of the HTML site (the committed `html/`).
 * @param prefix Output path of the site folder (`html`).
 * @returns The files of `html/pagefind/`, and diagnostics.
 */
export async function buildSearchIndex(htmlDir: string, prefix = 'html'): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[]; pages: number }> {
  const pagefind = await import('pagefind');
  const scratch = mkdtempSync(join(tmpdir(), 'guidekit-search-'));
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
    if (!index) return { files: [], diagnostics: errors.map(searchError), pages: 0 };
    const added = await index.addDirectory({ path: htmlDir, glob: '**/index.html' });
    const written = await index.writeFiles({ outputPath: scratch });
    await index.deleteIndex();
    const diagnostics = [...errors, ...added.errors, ...written.errors].map(searchError);
    const files = listDir(scratch).map((rel): OutputFile => ({ path: `${prefix}/${SEARCH_FOLDER}/${rel}`, data: readFileSync(join(scratch, rel)) }));
    return { files, diagnostics, pages: added.page_count };
  } catch (error) {
    return { files: [], diagnostics: [searchError(error instanceof Error ? error.message : String(error))], pages: 0 };
  } finally {
    await pagefind.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
