import { sortDiagnostics } from '@guidekit/model';
import type { Diagnostic } from '@guidekit/model';
import { defaultReporterName, getReporter, reporterNames } from './registry.js';
import type { Reporter, ReporterContext } from './types.js';

/** Options of {@link report}: a reporter context plus the reporter and `quiet`. */
export interface ReportOptions extends Partial<ReporterContext> {
  /** A reporter name (`stylish`, `json`, `sarif`, `github`) or a reporter. Default `stylish`. */
  reporter?: string | Reporter;
  /** Print errors only (`--quiet`). */
  quiet?: boolean;
}

/**
 * Report diagnostics as text in one call: sorts them, keeps errors only when `quiet`, and runs
 * the reporter.
 *
 * @param diagnostics Diagnostics to print (not mutated).
 * @param options Reporter (default `stylish`), `quiet`, and the reporter context (`cwd`
 *   defaults to `process.cwd()`).
 * @returns The report text.
 * @throws TypeError for an unknown reporter name: check names with `getReporter` first.
 */
export function report(diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const { reporter: wanted = defaultReporterName, quiet = false, cwd = process.cwd(), ...rest } = options;
  const reporter = typeof wanted === 'function' ? wanted : getReporter(wanted);
  if (!reporter) {
    throw new TypeError(`Unexpected reporter \`${wanted}\`, expected one of ${reporterNames.join(', ')}`);
  }
  const kept = quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  return reporter(sortDiagnostics(kept), { ...rest, cwd });
}
