import { createCli, EXIT, runCli, UsageError, type Cli } from '@guidekit/cli-kit';
import { registerAck } from './commands/ack.js';
import { registerLint } from './commands/lint.js';
import { registerRules } from './commands/rules.js';
import { registerScaffold } from './commands/scaffold.js';
import { registerStamp } from './commands/stamp.js';
import { registerStatus } from './commands/status.js';
import { VERSION } from './version.js';

/**
 * Assemble the CLI. Each command lives in its own file under `commands/` and sets the exit code
 * through its action; this file only wires them.
 */
export function createProgram(): Cli {
  const cli = createCli({
    name: 'guidekit-i18n',
    version: VERSION,
    description: 'Lint translations of step-by-step guides against their source, and track which steps went stale.',
  });
  registerLint(cli.program, cli);
  registerStatus(cli.program, cli);
  registerStamp(cli.program, cli);
  registerAck(cli.program, cli);
  registerScaffold(cli.program, cli);
  registerRules(cli);
  return cli;
}

/**
 * Run the CLI with `argv` (without `node` and the script path) and resolve to an exit code:
 * 0 clean, 1 errors found, 2 usage error. Never calls `process.exit`.
 */
export async function main(argv: string[]): Promise<number> {
  return runCli(createProgram(), argv);
}

export { EXIT, UsageError };
