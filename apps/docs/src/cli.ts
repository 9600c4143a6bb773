import { createCli, EXIT, runCli, UsageError, type Cli } from '@guidekit/cli-kit';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerMerge } from './commands/merge.js';
import { registerRules } from './commands/rules.js';
import { VERSION } from './version.js';

export { EXIT, UsageError };

/**
 * Assemble the CLI. Each command lives in its own file under `commands/` and sets the exit code
 * through its action; this file only wires them.
 */
export function createProgram(): Cli {
  const cli = createCli({
    name: 'guidekit-docs',
    version: VERSION,
    description: 'Check and publish step-by-step guides written in Markdown.',
  });
  registerCheck(cli.program, cli);
  registerBuild(cli.program, cli);
  registerMerge(cli.program, cli);
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
