import type { Severity } from '@guidekit/model';
import type { GroupContext, PairContext, Rule, RuleMeta, RuleSetting } from './types.js';

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

/**
 * The severity a rule runs at, from the configured setting (or its default), or `undefined`
 * when it is off. Accepts the eslint-style numbers too.
 */
export function resolveSeverity(setting: RuleSetting | undefined, fallback: Severity): Severity | undefined {
  switch (setting) {
    case undefined:
      return fallback;
    case 'off':
    case 0:
      return undefined;
    case 'warn':
    case 'warning':
    case 1:
      return 'warning';
    case 'info':
      return 'info';
    default:
      return 'error';
  }
}
