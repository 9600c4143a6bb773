import { addRulesCommand, type Cli, type RuleListing } from '@guidekit/cli-kit';
import { rules } from '@guidekit/i18n';
import { ruleUrl } from '@guidekit/report';
import { FAIL_ON_STATES, STATUS_RULES, STATUS_SEVERITY } from './status.js';

/**
 * Every rule `guidekit-i18n` can report: the translation rules of `@guidekit/i18n` (their default
 * severity, one sentence, the documentation page), then the `status` annotations.
 */
export function listRules(): RuleListing[] {
  const lint = rules.map((rule) => ({ id: rule.id, severity: rule.meta.defaultSeverity, description: rule.meta.description }));
  const status = FAIL_ON_STATES.map((state) => ({
    id: STATUS_RULES[state],
    severity: STATUS_SEVERITY[state],
    description: `status --reporter sarif|github: a translation that is ${state}`,
  }));
  return [...lint, ...status].map((rule) => ({ ...rule, url: ruleUrl(rule.id, {}) }));
}

/** Register `rules` (the listing and its `--json` are cli-kit's). */
export function registerRules(cli: Cli): void {
  addRulesCommand(cli, { description: 'list the rules this CLI reports, with their default severity and documentation', list: listRules });
}
