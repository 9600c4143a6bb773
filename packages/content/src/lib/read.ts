import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDiagnostic, type Diagnostic } from '@guidekit/model';
import type { ResolvedConfig } from './config.js';
import type { GuideFile } from './discover.js';
import { frontmatterKeyPosition } from './images.js';
import { canonicalLocale } from './locale.js';
import type { ParseMeta } from './parse.js';

/** Rule id: a front matter `locale` that is not a BCP 47 tag. */
export const INVALID_LOCALE_RULE_ID = 'content/invalid-locale';

/** Rule id: a guide file the walk found but that cannot be read (a folder named `x.md`, no permission). */
export const UNREADABLE_RULE_ID = 'content/unreadable';

/** A guide file once read: what the parser will be told of it, and the key of its parse. */
export interface SourceEntry {
  file: GuideFile;
  /** Path, locale, slug and format (front matter wins over the path for locale and slug). */
  meta: ParseMeta;
  /** sha256 of everything its parse depends on: the file's bytes, `meta`, the keywords and guidekit's code. */
  key: string;
}

/** Inputs of {@link readSources} besides the files. */
export interface ReadOptions {
  config: ResolvedConfig;
  /** What else changes every parse (see `guidekitFingerprint` and the keywords' hash). */
  salt: string;
}

/**
 * The read stage: read every file once, take its locale and slug (front matter first), and key
 * it by content hash. Nothing of the text is kept: a parse reads the file again, so a load of
 * thousands of guides never holds every text at once. Synchronous reads: thousands of small files
 * cost a fraction of the promise-based equivalent, and this is the floor of a no-op load.
 *
 * @param files Guide files, as discovered.
 * @param options Configuration and the key's salt.
 * @returns One entry per file still readable, and the invalid-locale diagnostics.
 */
export function readSources(files: readonly GuideFile[], options: ReadOptions): { entries: SourceEntry[]; diagnostics: Diagnostic[] } {
  const entries: SourceEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.absPath);
    } catch (error) {
      // A file that vanished between the walk and the read is simply gone; any other failure
      // would drop a guide without a word, so it is said.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') diagnostics.push(unreadable(file, code));
      continue;
    }
    const { meta, diagnostic } = metaOf(file, bytes.toString('utf8'), options.config.sourceLocale);
    if (diagnostic) diagnostics.push(diagnostic);
    entries.push({ file, meta, key: entryKey(options.salt, meta, bytes) });
  }
  return { entries, diagnostics };
}

function unreadable(file: GuideFile, code: string | undefined): Diagnostic {
  const why = code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : `error ${code ?? 'unknown'}`;
  return createDiagnostic({
    file: file.path,
    ruleId: UNREADABLE_RULE_ID,
    message: `Cannot read guide \`${file.path}\` (${why}): expected a readable Markdown file, so this guide is left out`,
  });
}

/**
 * The key of a parse: sha256 of the salt, the parser's options and the file's bytes.
 *
 * @param salt guidekit's fingerprint and the configuration that changes parsing.
 * @param meta Path, locale, slug and format.
 * @param bytes The file.
 * @returns The hex key.
 */
export function entryKey(salt: string, meta: ParseMeta, bytes: Uint8Array): string {
  return createHash('sha256')
    .update(salt)
    .update(JSON.stringify([meta.path, meta.locale, meta.slug, meta.format]))
    .update(bytes)
    .digest('hex');
}

/** The parser's options for a file: locale and slug from front matter, else from the path. */
function metaOf(file: GuideFile, source: string, sourceLocale: string): { meta: ParseMeta; diagnostic?: Diagnostic } {
  const fm = frontmatterOverrides(source);
  let locale = file.pathLocale ?? sourceLocale;
  let diagnostic: Diagnostic | undefined;
  if (fm.locale !== undefined) {
    const tag = canonicalLocale(fm.locale);
    if (tag) locale = tag;
    else {
      diagnostic = createDiagnostic({
        file: file.path,
        ruleId: INVALID_LOCALE_RULE_ID,
        message: `Unexpected front matter locale \`${fm.locale}\`, expected a BCP 47 language tag such as \`fr\` or \`en-US\``,
        position: frontmatterKeyPosition(source, 'locale'),
      });
    }
  }
  const meta: ParseMeta = { path: file.path, locale, slug: fm.translationKey ?? file.pathSlug, format: file.format };
  return diagnostic ? { meta, diagnostic } : { meta };
}

/**
 * `locale` and `translationKey` from the leading front matter block, read before parsing
 * because they decide the guide's locale and slug (front matter wins over the path).
 * Only plain and quoted scalars are understood; anything else is left to the parser.
 *
 * @param source The raw file.
 * @returns The values found.
 */
export function frontmatterOverrides(source: string): { locale?: string; translationKey?: string } {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  if (!text.startsWith('---')) return {};
  const end = text.search(/\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/);
  const block = end < 0 ? '' : text.slice(0, end);
  if (!block.includes('locale:') && !block.includes('translationKey:')) return {};
  const out: { locale?: string; translationKey?: string } = {};
  for (const match of block.matchAll(/^(locale|translationKey)[ \t]*:[ \t]*(.*)$/gm)) {
    const value = scalar(match[2] ?? '');
    if (value === '') continue;
    if (match[1] === 'locale') out.locale = value;
    else out.translationKey = value;
  }
  return out;
}

function scalar(raw: string): string {
  const text = raw.trim();
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) return (quoted[2] ?? '').trim();
  return text.replace(/\s+#.*$/, '').trim();
}
