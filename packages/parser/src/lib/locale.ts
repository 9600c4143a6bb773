import type { Diagnostic } from '@guidekit/model';
import { createDiagnostic } from '@guidekit/model';

/** How a guide's locale was found, for callers that want to say so. */
export type LocaleSource = 'option' | 'frontmatter' | 'suffix' | 'folder' | 'unknown';

/** What {@link inferLocale} found. */
export interface InferredLocale {
  /** A BCP 47 tag, or `und` (undetermined) when nothing says. */
  locale: string;
  source: LocaleSource;
  /** `parse/locale-unknown` when nothing says. */
  diagnostic?: Diagnostic;
}

// Folder names site generators use for the seven languages the keyword dictionary ships with
// (`blog/french/x.md`); other languages are found by their BCP 47 tag.
const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  french: 'fr', francais: 'fr', français: 'fr',
  english: 'en', anglais: 'en',
  spanish: 'es', espanol: 'es', español: 'es',
  german: 'de', deutsch: 'de',
  italian: 'it', italiano: 'it',
  portuguese: 'pt', portugues: 'pt', português: 'pt',
  dutch: 'nl', nederlands: 'nl',
};

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * A BCP 47 tag for a path segment, or `undefined`: a two-letter language (with script or region)
 * that ICU knows (`fr`, `en-US`, `pt_BR`), or a language name from the table above. Three-letter
 * codes are left out on purpose: folders such as `src` or `doc` would read as languages.
 *
 * @param segment A folder name or a file name's last dotted part.
 * @returns The canonical tag.
 */
export function localeOfSegment(segment: string): string | undefined {
  const named = LANGUAGE_NAMES[segment.toLowerCase()];
  if (named) return named;
  const tag = segment.replace(/_/g, '-');
  if (!/^[a-z]{2}(?:-[A-Za-z0-9]{2,8})*$/i.test(tag)) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && names.of(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

// A top-level `locale:` line of the front matter, read before the YAML is parsed, since the
// locale decides which step words the body is parsed with.
const FRONTMATTER_LOCALE = /^locale:[ \t]*(["']?)([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\1[ \t]*(?:#.*)?$/m;

function frontmatterLocale(text: string): string | undefined {
  if (!text.startsWith('---')) return undefined;
  const end = text.indexOf('\n---', 3);
  const block = text.slice(0, end === -1 ? 0 : end);
  const tag = FRONTMATTER_LOCALE.exec(block)?.[2];
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0];
  } catch {
    return undefined;
  }
}

/**
 * The locale of a guide when the caller gives none: the front matter's `locale`, else the file
 * name's suffix (`x.fr.md`), else the nearest locale folder (`content/fr/x.md`, `blog/french/x.md`).
 * When nothing says, the locale is `und` and a `parse/locale-unknown` warning explains how to say.
 *
 * @param text The file's text.
 * @param path The file's path (POSIX or Windows separators), possibly empty.
 * @returns The locale, where it came from, and the diagnostic when unknown.
 */
export function inferLocale(text: string, path: string): InferredLocale {
  const fromFrontmatter = frontmatterLocale(text);
  if (fromFrontmatter) return { locale: fromFrontmatter, source: 'frontmatter' };
  const segments = path.split(/[\\/]/).filter(Boolean);
  const base = segments.pop() ?? '';
  const parts = base.replace(/\.(md|mdx|markdown)$/i, '').split('.');
  const suffix = parts.length > 1 ? localeOfSegment(parts[parts.length - 1] ?? '') : undefined;
  if (suffix) return { locale: suffix, source: 'suffix' };
  for (let i = segments.length - 1; i >= 0; i--) {
    const folder = localeOfSegment(segments[i] ?? '');
    if (folder) return { locale: folder, source: 'folder' };
  }
  const shownPath = path === '' ? '' : ` \`${path}\``;
  const diagnostic = createDiagnostic({
    file: path,
    ruleId: 'parse/locale-unknown',
    severity: 'warning',
    message: `Unexpected guide${shownPath} with no locale, expected a locale in its name (\`x.fr.md\`), its folder (\`fr/x.md\`), its front matter (\`locale: fr\`) or the \`locale\` option (read as \`und\`)`,
    position: { line: 1, column: 1 },
  });
  return { locale: 'und', source: 'unknown', diagnostic };
}
