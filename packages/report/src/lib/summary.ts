import type { Diagnostic } from '@guidekit/model';

/** How many diagnostics of each severity. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * Count diagnostics by severity.
 *
 * @param diagnostics Diagnostics to count.
 * @returns The number of errors, warnings and infos.
 */
export function summarize(diagnostics: readonly Diagnostic[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Options of {@link exitCodeFor}. */
export interface ExitCodeOptions {
  /**
   * Fail when there are more warnings than this (`--max-warnings N`). Unset or negative: warnings
   * never fail, as in ESLint where `-1` means no limit.
   */
  maxWarnings?: number | undefined;
}

/**
 * The exit code a linting CLI should end with (usage errors, exit 2, are the CLI's own).
 *
 * @param diagnostics The diagnostics that were reported (after severities, directives and
 *   `--quiet`), so an exit code of 1 is always explained by what was printed (as in ESLint 9,
 *   `--quiet` makes warnings not count towards `--max-warnings`).
 * @param options `maxWarnings`.
 * @returns 1 when any error was found or warnings exceed `maxWarnings`, else 0.
 */
export function exitCodeFor(diagnostics: readonly Diagnostic[], options: ExitCodeOptions = {}): 0 | 1 {
  const { errors, warnings } = summarize(diagnostics);
  if (errors > 0) return 1;
  const max = options.maxWarnings;
  if (max !== undefined && max >= 0 && warnings > max) return 1;
  return 0;
}
