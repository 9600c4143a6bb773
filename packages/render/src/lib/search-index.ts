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

/**
 * Build the site's full-text search with Pagefind (its own binary, from the `pagefind` package's
 * platform package; no server): every page under `htmlDir` is read, what is inside
 * `data-pagefind-body` (a guide's article) is indexed per language (`<html lang>`), each step
 * heading with an id a sub-result (`#step-3`). The index and Pagefind's UI come back as files
 * for `<format>/pagefind/` (nothing is written here), so the publisher commits them like any
 * output. Failures are diagnostics, never exceptions.
 *
 * @param htmlDir Absolute folder of the HTML site (the committed `html/`).
 * @param prefix Output path of the site folder (`html`).
 * @returns The files of `html/pagefind/`, and diagnostics.
 */
export async function buildSearchIndex(htmlDir: string, prefix = 'html'): Promise<{ files: OutputFile[]; diagnostics: Diagnostic[]; pages: number }> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: true });
    if (!index) return { files: [], diagnostics: errors.map(searchError), pages: 0 };
    const added = await index.addDirectory({ path: htmlDir, glob: '**/index.html' });
    const built = await index.getFiles();
    const diagnostics = [...errors, ...added.errors, ...built.errors].map(searchError);
    const files = built.files.map((f): OutputFile => ({ path: `${prefix}/${SEARCH_FOLDER}/${f.path.split('\\').join('/')}`, data: f.content }));
    await index.deleteIndex();
    return { files, diagnostics, pages: added.page_count };
  } catch (error) {
    return { files: [], diagnostics: [searchError(error instanceof Error ? error.message : String(error))], pages: 0 };
  } finally {
    await pagefind.close();
  }
}
