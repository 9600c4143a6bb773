import type { Diagnostic, RelatedLocation } from '@guidekit/model';
import { prepare } from '../paths.js';
import { ruleUrl } from '../docs-url.js';
import type { Reporter, ReporterContext } from '../types.js';

/**
 * Machine-readable: a JSON array of diagnostics in the shape of DESIGN.md, sorted by file,
 * line, column, severity and rule id, each object's keys in one fixed order so two runs diff
 * cleanly. Paths are relative to the context's `cwd`, with POSIX slashes; `url` is the rule's
 * documentation page.
 */
export const json: Reporter = (diagnostics, context) =>
  `${JSON.stringify(
    prepare(diagnostics, context.cwd).map((p) => ordered(p.diagnostic, context)),
    null,
    2,
  )}\n`;

/** Rebuild a diagnostic with its keys in the documented order, dropping unknown keys. */
function ordered(d: Diagnostic, context: ReporterContext): Diagnostic & { url?: string } {
  const url = ruleUrl(d.ruleId, context);
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined && { endLine: d.endLine }),
    ...(d.endColumn !== undefined && { endColumn: d.endColumn }),
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
    ...(url !== undefined && { url }),
    ...(d.related !== undefined && { related: orderedRelated(d.related) }),
    ...(d.data !== undefined && { data: d.data }),
  };
}

function orderedRelated(r: RelatedLocation): RelatedLocation {
  return {
    file: r.file,
    line: r.line,
    column: r.column,
    ...(r.endLine !== undefined && { endLine: r.endLine }),
    ...(r.endColumn !== undefined && { endColumn: r.endColumn }),
    ...(r.message !== undefined && { message: r.message }),
  };
}
