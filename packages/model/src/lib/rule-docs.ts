/**
 * Where a rule's documentation page lives in the repository: `docs/rules/<rule id>.md`, the rule
 * id's own `/` kept as a folder (`i18n/image-mismatch` → `docs/rules/i18n/image-mismatch.md`), so
 * a page is found by its id with no mapping table. Each segment is percent-encoded, so an odd id
 * (a third-party rule) still gives a well-formed path instead of a throw in a reporter.
 *
 * @param ruleId A rule id such as `parse/yaml-invalid`.
 * @returns The page's path relative to the repository root, with `/` separators.
 */
export function ruleDocsPath(ruleId: string): string {
  const segments = ruleId.split('/').map((segment) => encodeURIComponent(segment));
  return `docs/rules/${segments.join('/')}.md`;
}

/**
 * The URL of a rule's documentation page under a base (a repository's web view, a docs site):
 * `ruleDocsPath(ruleId)` resolved against `base`.
 *
 * @param ruleId A rule id such as `parse/yaml-invalid`.
 * @param base Absolute URL of the repository root, e.g. `https://github.com/o/r/blob/main/`
 *   (a missing trailing `/` is added so the last segment is kept).
 * @returns The absolute URL of the page.
 */
export function ruleDocsUrl(ruleId: string, base: string | URL): string {
  const root = String(base).endsWith('/') ? String(base) : `${String(base)}/`;
  return new URL(ruleDocsPath(ruleId), root).href;
}
