import type { GroupContext, PairContext, Rule, RuleMeta } from './types.js';

/** A rule about a source/translation pair (both exist). */
export interface PairRuleDefinition {
  id: string;
  meta: RuleMeta;
  scope?: 'pair';
  check(context: PairContext): void;
}

/** A rule about a translation group (source or translation may be absent). */
export interface GroupRuleDefinition {
  id: string;
  meta: RuleMeta;
  scope: 'group';
  check(context: GroupContext): void;
}

/**
 * Make a rule. The helper owns the plumbing (scope, ids), so a rule file holds only its
 * documentation and its check.
 *
 * @param definition Id (`i18n/<name>`), meta (description, default severity, docs, examples)
 *   and a check that calls `context.report`.
 * @returns The rule, ready for the registry list.
 */
export function defineRule(definition: PairRuleDefinition | GroupRuleDefinition): Rule {
  if (!/^i18n\/[a-z][a-z-]*$/.test(definition.id)) throw new TypeError(`Invalid rule id ${definition.id}`);
  if (definition.scope === 'group') {
    const check = definition.check;
    return { id: definition.id, meta: definition.meta, scope: 'group', check: (context) => check(context) };
  }
  const check = definition.check;
  return {
    id: definition.id,
    meta: definition.meta,
    scope: 'pair',
    check: (_context, pair) => {
      if (pair) check(pair);
    },
  };
}
