import { sortDiagnostics } from '@guidekit/model';
import type { Diagnostic, RelatedLocation } from '@guidekit/model';
import type { Reporter } from '../types.js';

/**
 * Machine-readable: a JSON array of diagnostics in the shape of DESIGN.md, sorted by file,
 * line, column, severity and rule id, each object's keys in one fixed order so two runs diff
 * cleanly. Paths are kept as the diagnostics hold them.
 */
export const json: Reporter = (diagnostics) =>
  `${JSON.stringify(sortDiagnostics(diagnostics).map(ordered), null, 2)}\n`;

/** Rebuild a diagnostic with its keys in the documented order, dropping unknown keys. */
function ordered(d: Diagnostic): Diagnostic {
  return {
    file: d.file,
    line: d.line,
    column: d.column,
    ...(d.endLine !== undefined && { endLine: d.endLine }),
    ...(d.endColumn !== undefined && { endColumn: d.endColumn }),
    severity: d.severity,
    ruleId: d.ruleId,
    message: d.message,
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
