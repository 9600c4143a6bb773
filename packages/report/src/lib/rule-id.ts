/**
 * Whether a rule id written by a person (in a directive or a config) names a diagnostic's rule:
 * the exact id (`i18n/missing-step`), or the id without its package prefix (`missing-step`), so
 * authors need not know which package a rule lives in.
 *
 * @param written The id as written.
 * @param ruleId The diagnostic's full rule id.
 * @returns Whether they match.
 */
export function ruleMatches(written: string, ruleId: string): boolean {
  if (written === ruleId) return true;
  const slash = ruleId.indexOf('/');
  return slash !== -1 && ruleId.slice(slash + 1) === written;
}
