import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './corpus.js';

/** The shared translated docs (Starlight: English at the root, locales beside it). */
export const docsRoot = path.resolve(repoRoot, '../shared/corpus-docs/starlight');
/** Whether the docs corpus is here. */
export const hasCorpusDocs = existsSync(path.join(docsRoot, 'fr'));

/**
 * Say why docs-corpus tests are skipped, or fail when CI expects the corpus.
 * Call at module level of a test file.
 */
export function noteCorpusDocs(): void {
  if (hasCorpusDocs) return;
  if (process.env.CI) throw new Error(`The docs corpus is missing at ${docsRoot}; CI requires it`);
  console.warn(`[skip] docs corpus not found at ${docsRoot}: docs-corpus tests are skipped`);
}

/** A source page and its translation, read from the docs corpus. */
export interface DocsPair {
  /** Path of the source page, relative to the docs root (`guides/i18n.mdx`). */
  file: string;
  en: string;
  translation: string;
}

function pages(dir: string, rel = ''): string[] {
  return readdirSync(path.join(dir, rel)).flatMap((name) => {
    const file = path.join(rel, name);
    if (statSync(path.join(dir, file)).isDirectory()) return pages(dir, file);
    return /\.mdx?$/.test(name) ? [file] : [];
  });
}

/** Every page of `locale` that has its English source at the root, sorted by path. */
export function docsPairs(locale: string): DocsPair[] {
  if (!hasCorpusDocs) return [];
  return pages(path.join(docsRoot, locale))
    .filter((file) => existsSync(path.join(docsRoot, file)))
    .sort()
    .map((file) => ({
      file,
      en: readFileSync(path.join(docsRoot, file), 'utf8'),
      translation: readFileSync(path.join(docsRoot, locale, file), 'utf8'),
    }));
}
