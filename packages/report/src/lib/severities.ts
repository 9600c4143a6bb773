import type { Diagnostic, Severity } from '@guidekit/model';
import { ruleMatches } from './rule-id.js';

/** A rule's configured level, as in `guidekit.config.json` (ESLint's words and numbers). */
export type RuleLevel = 'off' | 'warn' | 'error' | 0 | 1 | 2;

const levels = new Map<RuleLevel, Severity | null>([
  ['off', null],
  [0, null],
  ['warn', 'warning'],
  [1, 'warning'],
  ['error', 'error'],
  [2, 'error'],
]);

/**
 * Apply configured rule levels: `off` drops a rule's diagnostics, `warn` and `error` set their
 * severity. A key is a full rule id or the id without its package prefix; the full id wins
 * when both are configured. Rules not configured keep the severity their rule gave.
 *
 * @param diagnostics Diagnostics to remap (not mutated).
 * @param rules Levels by rule id.
 * @returns The kept diagnostics, remapped, in the same order.
 * @throws TypeError on a level that is not one of `off|warn|error|0|1|2` (a config that was
 *   not validated is a programmer error).
 */
export function applySeverities(diagnostics: readonly Diagnostic[], rules: Readonly<Record<string, RuleLevel>>): Diagnostic[] {
  const entries = Object.entries(rules);
  for (const [id, value] of entries) {
    if (!levels.has(value)) {
      throw new TypeError(`Unexpected level ${JSON.stringify(value)} for rule \`${id}\`, expected off, warn, error, 0, 1 or 2`);
    }
  }
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = Object.hasOwn(rules, d.ruleId) ? d.ruleId : entries.find(([id]) => ruleMatches(id, d.ruleId))?.[0];
    if (key === undefined) {
      out.push(d);
      continue;
    }
    const severity = levels.get(rules[key] as RuleLevel);
    if (severity === null || severity === undefined) continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}
