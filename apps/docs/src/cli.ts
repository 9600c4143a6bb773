import { Command, CommanderError } from 'commander';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { UsageError } from './usage.js';
import { VERSION } from './version.js';

export { UsageError };

/** Exit codes shared by every command: 0 clean, 1 content errors, 2 usage errors. */
export const EXIT = { ok: 0, errors: 1, usage: 2 } as const;

/**
 * Build the commander program. Each command lives in its own file under `commands/` and
 * sets `state.code` through its action; this file only wires them.
 */
export function createProgram(state: { code: number }): Command {
  const program = new Command('guidekit-docs')
    .description('Check and publish step-by-step guides written in Markdown.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride();
  registerCheck(program, state);
  registerBuild(program, state);
  return program;
}

/**
 * Run the CLI with `argv` (without `node` and the script path) and resolve to an exit code.
 * Never calls `process.exit`.
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
      process.stderr.write(`guidekit-docs: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
