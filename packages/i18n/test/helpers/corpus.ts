import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file (never a hard-coded absolute path). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The shared real corpus, next to the repository. */
export const corpusRoot = path.resolve(repoRoot, '../shared/corpus');
/** The blog part of the corpus (french sources, english translations). */
export const blogRoot = path.join(corpusRoot, 'blog');
/** Whether the corpus is here. */
export const hasCorpus = existsSync(path.join(blogRoot, 'french')) && existsSync(path.join(blogRoot, 'english'));

/**
 * Say why corpus tests are skipped, or fail when CI expects the corpus.
 * Call at module level of a test file.
 */
export function noteCorpus(): void {
  if (hasCorpus) return;
  if (process.env.CI) throw new Error(`The real corpus is missing at ${corpusRoot}; CI requires it`);
  console.warn(`[skip] real corpus not found at ${corpusRoot}: corpus tests are skipped`);
}

/** A French source and its English translation from the corpus. */
export interface CorpusPair {
  name: string;
  fr: string;
  en: string;
  frPath: string;
  enPath: string;
}

/** Every corpus pair, by file stem (`.md` and `.mdx` may differ across the two folders). */
export function corpusPairs(): CorpusPair[] {
  if (!hasCorpus) return [];
  const stem = (file: string) => file.replace(/\.mdx?$/, '');
  const english = new Map(readdirSync(path.join(blogRoot, 'english')).map((file) => [stem(file), file]));
  return readdirSync(path.join(blogRoot, 'french'))
    .filter((file) => english.has(stem(file)))
    .sort()
    .map((file) => {
      const en = english.get(stem(file))!;
      return {
        name: stem(file),
        fr: readFileSync(path.join(blogRoot, 'french', file), 'utf8'),
        en: readFileSync(path.join(blogRoot, 'english', en), 'utf8'),
        frPath: `french/${file}`,
        enPath: `english/${en}`,
      };
    });
}
