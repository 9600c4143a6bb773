import { Command, CommanderError } from 'commander';
import { registerAck } from './commands/ack.js';
import { registerLint } from './commands/lint.js';
import { registerScaffold } from './commands/scaffold.js';
import { registerStamp } from './commands/stamp.js';
import { registerStatus } from './commands/status.js';
import { EXIT, UsageError } from './usage.js';
import { VERSION } from './version.js';

/**
 * Build the commander program. Each command lives in its own file under `commands/` and sets
 * `state.code` through its action; this file only wires them.
 */
export function createProgram(state: { code: number }): Command {
  const program = new Command('guidekit-i18n')
    .description('Lint translations of step-by-step guides against their source, and track which steps went stale.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  registerLint(program, state);
  registerStatus(program, state);
  registerStamp(program, state);
  registerAck(program, state);
  registerScaffold(program, state);
  // Sub-commands throw instead of exiting too, so `main` always gets to return a code.
  for (const command of program.commands) command.exitOverride().showHelpAfterError();
  return program;
}

/**
 * Run the CLI with `argv` (without `node` and the script path) and resolve to an exit code:
 * 0 clean, 1 errors found, 2 usage error. Never calls `process.exit`.
 */
export async function main(argv: string[]): Promise<number> {
  const state = { code: EXIT.ok as number };
  const program = createProgram(state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`guidekit-i18n: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

export { EXIT, UsageError };
