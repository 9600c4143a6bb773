import type { Command } from 'commander';
import { action, addColorOptions, addCommand, type Cli } from './cli.js';
import { EXIT } from './exit.js';

/** One rule as a `rules` command lists it. */
export interface RuleListing {
  id: string;
  /** The default severity (`error`, `warning`, `info`). */
  severity: string;
  /** One sentence: what the rule expects. */
  description: string;
  /** The rule's documentation page, when it has one. */
  url: string | undefined;
}

/** What an app's `rules` command lists. */
export interface RulesCommandOptions {
  /** The command's one-line description. */
  description: string;
  /** Every rule the app can report, in the order to print them. */
  list: () => RuleListing[];
}

/**
 * A rule listing as text — one rule a line (id, severity, description), its URL on the next — or
 * as JSON.
 *
 * @param list The rules.
 * @param json Print the data as JSON instead of text.
 */
export function formatRuleListing(list: readonly RuleListing[], json: boolean): string {
  if (json) return `${JSON.stringify(list, null, 2)}\n`;
  const width = Math.max(...list.map((rule) => rule.id.length));
  const lines = list.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.description}\n${' '.repeat(width + 2)}${rule.url ?? ''}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Add the `rules` command both apps share: `--json` and the colour options; it prints the
 * listing to stdout and exits 0.
 *
 * @param cli The CLI.
 * @param options The description and the app's own rule list.
 * @returns The commander command.
 */
export function addRulesCommand(cli: Cli, options: RulesCommandOptions): Command {
  const command = addCommand(cli, 'rules', options.description).option('--json', 'print the list as JSON');
  return addColorOptions(command).action(
    action(cli, (flags: { json?: boolean }) => {
      process.stdout.write(formatRuleListing(options.list(), flags.json === true));
      return EXIT.ok;
    }),
  );
}
