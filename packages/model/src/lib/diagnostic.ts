import type { Diagnostic, Position, Severity } from './types.js';
import { byCodeUnit } from './order.js';

/** What a caller knows when it reports a problem. */
export interface DiagnosticInit {
  file: string;
  ruleId: string;
  message: string;
  severity?: Severity;
  /** Where: a position, or a point (line, column). Defaults to 1:1. */
  position?: Position | { line: number; column: number } | undefined;
  related?: Diagnostic['related'];
  data?: Record<string, unknown>;
}

/**
 * Build a `Diagnostic` from a place and a sentence. Missing positions fall back to 1:1 so every
 * diagnostic has a line and a column.
 *
 * @param init File, rule id, message, severity (default `error`) and place.
 * @returns A diagnostic in the shape the reporters print.
 */
export function createDiagnostic(init: DiagnosticInit): Diagnostic {
  const pos = init.position;
  const start = pos ? ('start' in pos ? pos.start : pos) : { line: 1, column: 1 };
  const end = pos && 'end' in pos ? pos.end : undefined;
  const d: Diagnostic = {
    file: init.file,
    line: Math.max(1, start.line),
    column: Math.max(1, start.column),
    severity: init.severity ?? 'error',
    ruleId: init.ruleId,
    message: init.message,
  };
  if (end) {
    d.endLine = Math.max(1, end.line);
    d.endColumn = Math.max(1, end.column);
  }
  if (init.related) d.related = init.related;
  if (init.data) d.data = init.data;
  return d;
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };


/**
 * Sort diagnostics by file, line, column, then severity (errors first), then rule id. Strings
 * compare by code unit, so a report lists the same diagnostics in the same order on every machine.
 *
 * @param list Diagnostics to sort (not mutated).
 * @returns A new sorted array.
 */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      byCodeUnit(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      order[a.severity] - order[b.severity] ||
      byCodeUnit(a.ruleId, b.ruleId),
  );
}
