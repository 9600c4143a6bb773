import path from 'node:path';
import { check, type LoadProgress } from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import {
  addColorOptions,
  addReportOptions,
  checkReporter,
  createProgress,
  deliverReport,
  EXIT,
  onContentRoot,
  resolveContentRoot,
  shouldColor,
  UsageError,
  type ReportFlags,
} from '@guidekit/cli-kit';
import type { Command } from 'commander';
import { VERSION } from '../version.js';

/** Options of {@link runCheck}: what `guidekit-docs check` takes, as data. */
export interface CheckOptions extends Partial<ReportFlags> {
  /** Content root; default: found from `guidekit.config.json` upward from `cwd`, else `content`. */
  root?: string | undefined;
  /** Folder paths are resolved and printed against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** An explicit `guidekit.config.json` / `.mjs`. */
  config?: string | undefined;
  /** `false` skips the parse cache (`--no-cache`). */
  cache?: boolean | undefined;
  /** Called while files are parsed (the CLI draws a progress line on a TTY). */
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

/** What {@link runCheck} resolves to. */
export interface CheckResult {
  /** 0 clean, 1 errors (or warnings over `maxWarnings`), 2 invalid configuration. */
  code: number;
  /** The diagnostics `check()` returned (files absolute), after `quiet`. */
  diagnostics: Diagnostic[];
  /** The report text (empty when it was written to `output`). */
  output: string;
}

/**
 * The `guidekit-docs check` command as a function: find the content root, run `check()` from
 * `@guidekit/content`, report, and choose the exit code. Everything about content (config,
 * severities, inline directives) happens in `check()`.
 *
 * @param options Root, reporter and the other command-line options.
 * @returns The exit code, the diagnostics and the report.
 * @throws {UsageError} On a call that cannot be run: unknown reporter, missing folder or config file, bad number.
 */
export async function runCheck(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const reporter = options.reporter ?? 'stylish';
  checkReporter(reporter);
  if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= -1)) {
    throw new UsageError(`Unexpected --max-warnings \`${options.maxWarnings}\`, expected a whole number (or -1 for no limit)`);
  }
  const root = await resolveContentRoot({ cwd, root: options.root, config: options.config });
  const { diagnostics, result } = await onContentRoot(root, 'guidekit-docs check', cwd, () =>
    check(root, { cwd, config: options.config, cache: options.cache ?? true, onProgress: options.onProgress }),
  );
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const delivered = deliverReport(shown, {
    ...options,
    reporter,
    cwd,
    tool: { name: 'guidekit-docs', version: VERSION },
    sources: result.readSource,
  });
  return { code: result.configInvalid ? EXIT.usage : delivered.code, diagnostics: shown, output: delivered.text };
}

/**
 * Register `guidekit-docs check [root]`.
 *
 * @param program The commander program.
 * @param state Receives the exit code.
 */
export function registerCheck(program: Command, state: { code: number }): void {
  const command = program
    .command('check')
    .description('validate a content tree: parse every guide, pair translations, check images, report problems')
    .argument('[root]', 'content root (default: from guidekit.config.json found upward, else ./content)');
  addReportOptions(command)
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(async (root: string | undefined, flags: ReportFlags & { config?: string; cache: boolean }) => {
    const progress = createProgress('guidekit-docs check: parsing');
    try {
      const result = await runCheck({
        ...flags,
        root,
        color: shouldColor(flags.color, { stream: process.stdout }),
        onProgress: progress ? ({ done, total }) => progress.update(done, total) : undefined,
      });
      progress?.clear();
      if (result.output) process.stdout.write(result.output);
      state.code = result.code;
    } finally {
      progress?.clear();
    }
  });
}
