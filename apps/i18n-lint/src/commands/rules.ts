import { addColorOptions } from '@guidekit/cli-kit';
import { rules } from '@guidekit/i18n';
import { ruleUrl } from '@guidekit/report';
import type { Command } from 'commander';
import { FAIL_ON_STATES } from './status.js';

/** One rule as `guidekit-i18n rules` lists it. */
export interface RuleListing {
  id: string;
  severity: string;
  description: string;
  url: string | undefined;
}

/**
 * Every rule `guidekit-i18n` can report: the translation rules of `@guidekit/i18n` (their default
 * severity, one sentence, the documentation page), then the `status` annotations.
 */
export function listRules(): RuleListing[] {
  const lint = rules.map((rule) => ({ id: rule.id, severity: rule.meta.defaultSeverity, description: rule.meta.description }));
  const status = FAIL_ON_STATES.map((state) => ({
    id: `i18n/status-${state}`,
    severity: state === 'unknown' ? 'info' : 'warning',
    description: `status --reporter sarif|github: a translation that is ${state}`,
  }));
  return [...lint, ...status].map((rule) => ({ ...rule, url: ruleUrl(rule.id, {}) }));
}

/** The listing as text (`--json` for the data). */
export function formatRules(list: readonly RuleListing[], json: boolean): string {
  if (json) return `${JSON.stringify(list, null, 2)}\n`;
  const width = Math.max(...list.map((rule) => rule.id.length));
  return `${list.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}\n${' '.repeat(width + 2)}${rule.url ?? ''}`).join('\n')}\n`;
}

/** Register `rules`. */
export function registerRules(program: Command, state: { code: number }): void {
  const command = program
    .command('rules')
    .description('list the rules this CLI reports, with their default severity and documentation')
    .option('--json', 'print the list as JSON');
  addColorOptions(command).action((flags: { json?: boolean }) => {
    process.stdout.write(formatRules(listRules(), flags.json === true));
    state.code = 0;
  });
}
