import { ruleDocsUrl } from '@guidekit/model';
import type { ReporterContext } from './types.js';

/**
 * Where the rule pages are published: the repository's web view, under which every rule has
 * `docs/rules/<rule id>.md` (the id's `/` kept as a folder, see model's `ruleDocsPath`).
 */
export const RULE_DOCS_BASE = 'https://github.com/guidekit/guidekit/blob/main/';

/**
 * The documentation URL of a rule as a reporter prints it: the context's `rules[id].docs` when
 * given, else the page under `docsBase` (default {@link RULE_DOCS_BASE}); none when `docsBase`
 * is `false`.
 *
 * @param ruleId A rule id such as `i18n/image-mismatch`.
 * @param context The reporter context.
 * @returns The absolute URL, or `undefined`.
 */
export function ruleUrl(ruleId: string, context: Pick<ReporterContext, 'rules' | 'docsBase'>): string | undefined {
  const given = context.rules?.[ruleId]?.docs;
  if (given !== undefined) return given;
  if (context.docsBase === false) return undefined;
  return ruleDocsUrl(ruleId, context.docsBase ?? RULE_DOCS_BASE);
}
