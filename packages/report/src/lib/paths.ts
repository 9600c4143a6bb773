import path from 'node:path';
import { sortDiagnostics } from '@guidekit/model';
import type { Diagnostic, RelatedLocation } from '@guidekit/model';

/**
 * The path to print for a diagnostic's file: relative to `cwd` when absolute, POSIX slashes
 * always, so output is the same on every platform.
 *
 * @param file The diagnostic's `file`.
 * @param cwd The directory to print paths relative to.
 * @returns A POSIX path (possibly `''` when `file` is empty).
 */
export function displayPath(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return rel.split(path.sep).join('/').replaceAll('\\', '/');
}

/** A diagnostic with printable paths, and the `file` it came with (to read its source). */
export interface Prepared {
  diagnostic: Diagnostic;
  sourceFile: string;
}

/**
 * What every reporter does first: paths made printable (see {@link displayPath}), then sorted
 * by printed path, line, column, severity and rule id — so an absolute and a relative path to
 * the same file group together.
 *
 * @param diagnostics Diagnostics as given (not mutated).
 * @param cwd The directory to print paths relative to.
 * @returns Sorted diagnostics with printable paths, each with its original `file`.
 */
export function prepare(diagnostics: readonly Diagnostic[], cwd: string): Prepared[] {
  const byDiagnostic = new Map<Diagnostic, string>();
  const shown = diagnostics.map((d) => {
    const p: Diagnostic = { ...d, file: displayPath(d.file, cwd) };
    if (d.related) p.related = relatedFor(d.related, cwd);
    byDiagnostic.set(p, d.file);
    return p;
  });
  return sortDiagnostics(shown).map((diagnostic) => ({ diagnostic, sourceFile: byDiagnostic.get(diagnostic) ?? diagnostic.file }));
}

function relatedFor(r: RelatedLocation, cwd: string): RelatedLocation {
  return { ...r, file: displayPath(r.file, cwd) };
}

/** `file:line:column (message)` for a related place, in plain-text reporters. */
export function relatedText(r: RelatedLocation): string {
  return `${r.file}:${r.line}:${r.column}${r.message ? ` (${r.message})` : ''}`;
}
