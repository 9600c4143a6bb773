import { Command, CommanderError, Option } from 'commander';
import { EXIT, UsageError } from './exit.js';

/** Who a CLI is: its bin name, version and one-line description. */
export interface CliInfo {
  /** The bin name, e.g. `guidekit-docs`. */
  name: string;
  version: string;
  description: string;
}

/** A CLI being assembled: the commander program and the exit code its commands set. */
export interface Cli {
  readonly info: CliInfo;
  readonly program: Command;
  /** Set by a command's action (see {@link action}); what {@link runCli} resolves to. */
  code: number;
}

/** Where a CLI writes; tests pass their own. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const EXIT_HELP = `
Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings), 2 usage error.`;

/**
 * Start a CLI with the help shape both guidekit apps share: `-v, --version`, `-h, --help`, a
 * `help [command]` command, and the exit codes under the command list.
 *
 * @param info Name, version and description.
 * @returns The CLI; add commands with {@link addCommand}, run it with {@link runCli}.
 */
export function createCli(info: CliInfo): Cli {
  const program = new Command(info.name).description(info.description).version(info.version, '-v, --version', 'print the version');
  shape(program, info.name);
  return { info, program, code: EXIT.ok };
}

/**
 * Add a command with the shared shape: usage errors as one line plus a pointer to its
 * `--help`, and the same help and exit-code text as every other command.
 *
 * @param cli The CLI.
 * @param name Command name (`check`).
 * @param description One line for the command list and its help.
 * @returns The commander command, to add arguments, options and an action to.
 */
export function addCommand(cli: Cli, name: string, description: string): Command {
  const command = cli.program.command(name).description(description);
  shape(command, `${cli.info.name} ${name}`);
  return command;
}

const shaped = new WeakSet<Command>();

/** The shared help and error shape, once per command (commands added with plain `program.command()` get it in {@link runCli}). */
function shape(command: Command, commandPath: string): void {
  if (shaped.has(command)) return;
  shaped.add(command);
  command.helpOption('-h, --help', 'print this help').addHelpText('after', EXIT_HELP);
  configureErrors(command, commandPath);
}

/**
 * Add `--color` / `--no-color` to a command. Neither given leaves the option `undefined`, so
 * {@link shouldColor} can look at `FORCE_COLOR`, `NO_COLOR` and the terminal.
 */
export function addColorOptions(command: Command): Command {
  return command
    .addOption(new Option('--color', 'colour the output (default: when stdout is a terminal; honours FORCE_COLOR and NO_COLOR)'))
    .addOption(new Option('--no-color', 'never colour the output'));
}

/**
 * Wrap a command's action: it resolves to an exit code, which becomes the CLI's.
 *
 * @param cli The CLI.
 * @param run The command's work, given commander's action arguments.
 */
export function action<A extends unknown[]>(cli: Cli, run: (...args: A) => Promise<number> | number): (...args: A) => Promise<void> {
  return async (...args) => {
    cli.code = await run(...args);
  };
}

/** The one usage-error style: `<bin> <command>: <message>`, then where the help is. */
export function formatUsageError(commandPath: string, message: string): string {
  // One line: commander puts its "(Did you mean …?)" on a line of its own.
  const text = message
    .replace(/^error: /, '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
  return `${commandPath}: ${text}\nSee \`${commandPath} --help\`.\n`;
}

function configureErrors(command: Command, commandPath: string): void {
  command.exitOverride();
  command.configureOutput({ outputError: (text, write) => write(formatUsageError(commandPath, text)) });
}

/**
 * Run a CLI with `argv` (without `node` and the script path) and resolve to its exit code:
 * 0, 1, or 2 for a usage error (commander's or a {@link UsageError} from an action, printed as
 * one line plus a pointer to `--help`). Never calls `process.exit`; other errors are
 * programmer errors and are thrown.
 *
 * @param cli The CLI with its commands.
 * @param argv The arguments.
 * @param io Where usage errors go (default: the process's streams).
 */
export async function runCli(cli: Cli, argv: readonly string[], io: CliIO = process): Promise<number> {
  let active = cli.info.name;
  cli.program.hook('preAction', (_program, command) => {
    active = command === cli.program ? cli.info.name : `${cli.info.name} ${command.name()}`;
  });
  for (const command of cli.program.commands) shape(command, `${cli.info.name} ${command.name()}`);
  for (const command of [cli.program, ...cli.program.commands]) {
    command.configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });
  }
  cli.code = EXIT.ok;
  try {
    await cli.program.parseAsync([...argv], { from: 'user' });
    return cli.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; help shown because a command was missing, and every
      // parse error, are usage errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(formatUsageError(active, error.message));
      return EXIT.usage;
    }
    throw error;
  }
}
