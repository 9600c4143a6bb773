import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { exitCodeFor, getReporter, report, reporterNames, type RuleMeta, type ToolInfo } from '@guidekit/report';
import { type Command, Option } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { wholeNumberOption } from './options.js';
import { UsageError } from './exit.js';

/** The flags of a command that reports diagnostics, as commander parses them. */
export interface ReportFlags {
  reporter: string;
  output?: string | undefined;
  maxWarnings?: number | undefined;
  quiet?: boolean | undefined;
  color?: boolean | undefined;
}

/**
 * Add the reporting flags every reporting command of both CLIs takes, worded the same:
 * `--reporter`, `--output`, `--max-warnings`, `--quiet`.
 *
 * @param command The command.
 * @param names Reporter names offered (default: every registered reporter).
 */
export function addReportOptions(command: Command, names: readonly string[] = reporterNames): Command {
  return command
    .addOption(new Option('-r, --reporter <name>', 'output format').choices(names).default(names[0]))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumberOption(-1, 'a whole number (or -1 for no limit)'))
    .option('-q, --quiet', 'report errors only');
}

/** What {@link deliverReport} needs besides the diagnostics. */
export interface DeliverOptions extends ReportFlags {
  /** Folder paths are printed relative to, and `output` is resolved against. */
  cwd: string;
  /** The app (SARIF `tool.driver`). */
  tool: ToolInfo;
  /** ANSI colours (stylish only). */
  color?: boolean | undefined;
  /** Rule descriptions for SARIF. */
  rules?: Record<string, RuleMeta> | undefined;
  /** A file's text by the diagnostic's `file` (SARIF fingerprints). */
  sources?: ((file: string) => string | undefined) | undefined;
}

/**
 * The end of every reporting command: keep errors only with `quiet`, format with the chosen
 * reporter, write to `output` atomically or hand the text back for stdout, and compute the exit
 * code (1 on errors or more warnings than `maxWarnings`).
 *
 * @param diagnostics What the run function returned.
 * @param options Flags and context.
 * @returns The exit code and the text for stdout (`''` when written to `output`).
 * @throws {UsageError} For an unknown reporter or an `output` that cannot be written.
 */
export function deliverReport(diagnostics: readonly Diagnostic[], options: DeliverOptions): { code: 0 | 1; text: string } {
  checkReporter(options.reporter);
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const text = report(shown, {
    reporter: options.reporter,
    cwd: options.cwd,
    tool: options.tool,
    color: options.color === true && options.reporter === 'stylish',
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.sources ? { sources: options.sources } : {}),
  });
  const code = exitCodeFor(shown, { maxWarnings: options.maxWarnings });
  return { code, text: writeOutput(text, options.output, options.cwd) };
}

/**
 * Refuse an unknown reporter with the list of known ones.
 *
 * @throws {UsageError} When `name` is not a registered reporter.
 */
export function checkReporter(name: string, names: readonly string[] = reporterNames): void {
  if (!names.includes(name) || (names === reporterNames && !getReporter(name))) {
    throw new UsageError(`Unexpected reporter \`${name}\`, expected one of ${names.join(', ')}`);
  }
}

/**
 * Write a report to `--output` (temp file, then rename), or hand it back for stdout.
 *
 * @throws {UsageError} When the file cannot be written.
 */
export function writeOutput(text: string, output: string | undefined, cwd: string): string {
  if (output === undefined) return text;
  const file = path.resolve(cwd, output);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic.sync(file, text);
  } catch (error) {
    throw new UsageError(`Cannot write the report to \`${output}\` (${(error as Error).message}), expected a writable file path`);
  }
  return '';
}
