import {
  addColorOptions,
  addReportOptions,
  checkReporter,
  createProgress,
  deliverReport,
  EXIT,
  listOption,
  onContentRoot,
  shouldColor,
  type ReportFlags,
} from '@guidekit/cli-kit';
import { lint, rules } from '@guidekit/i18n';
import type { Diagnostic } from '@guidekit/model';
import type { RuleMeta } from '@guidekit/report';
import type { Command } from 'commander';
import { checkLocale, checkLocalesIn, rootFor, type ContentOptions } from '../shared.js';
import { VERSION } from '../version.js';

/** Options of {@link runLint}: what `guidekit-i18n lint` takes, as data. */
export interface LintOptions extends ContentOptions, Partial<ReportFlags> {
  /** Source locale; default: the configuration's `sourceLocale`. */
  source?: string | undefined;
  /** Target locales; default: every translated locale. */
  target?: readonly string[] | undefined;
  /** `false`: do not read git history for unstamped translations. */
  history?: boolean | undefined;
}

/** What {@link runLint} resolves to. */
export interface LintResult {
  /** 0 clean, 1 errors (or too many warnings), 2 invalid configuration. */
  code: number;
  /** Diagnostics reported (after severities, inline directives and `quiet`), files absolute. */
  diagnostics: Diagnostic[];
  /** The report text (empty when written to `output`). */
  output: string;
}

/** Rule descriptions for reporters that list rules (SARIF). */
export const ruleMeta: Record<string, RuleMeta> = Object.fromEntries(rules.map((rule) => [rule.id, { description: rule.meta.description }]));

const tool = { name: 'guidekit-i18n', version: VERSION };

/**
 * The `guidekit-i18n lint` command as a function: find the root, lint every translation against
 * its source (configured severities, inline `guidekit-disable` comments), report, exit code.
 *
 * @param options Root, locales, reporter and the other command-line options.
 * @returns The exit code, the diagnostics and the report.
 * @throws {UsageError} On a call that cannot run: unknown reporter or locale, missing folder.
 */
export async function runLint(options: LintOptions = {}): Promise<LintResult> {
  const reporter = options.reporter ?? 'stylish';
  checkReporter(reporter);
  const sourceLocale = checkLocale(options.source, '--source');
  const targetLocales = (options.target ?? []).map((locale) => checkLocale(locale, '--target') ?? locale);
  const { cwd, root } = await rootFor(options);
  const { diagnostics, result } = await onContentRoot(root, 'guidekit-i18n lint', cwd, () =>
    lint(root, {
      config: options.config,
      cache: options.cache,
      onProgress: options.onProgress,
      cwd,
      sourceLocale,
      targetLocales,
      ...(options.history === false ? { history: false as const } : {}),
    }),
  );
  if (!result.configInvalid) checkLocalesIn(result.locales, { '--source': [sourceLocale], '--target': targetLocales });
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const { code, text } = deliverReport(shown, { ...options, reporter, cwd, tool, rules: ruleMeta, sources: result.readSource });
  return { code: result.configInvalid ? EXIT.usage : code, diagnostics: shown, output: text };
}

/** Register `lint [root]`. */
export function registerLint(program: Command, state: { code: number }): void {
  const command = program
    .command('lint')
    .description('lint each translation against its source, step by step')
    .argument('[root]', 'content root (default: from guidekit.config.json found upward, else ./content)')
    .option('-s, --source <locale>', 'source locale (default: the configuration’s sourceLocale)')
    .option('-t, --target <locale>', 'target locale; repeat or comma-separate for several (default: all)', listOption, []);
  addReportOptions(command)
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-history', 'do not read git history for unstamped translations')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(async (root: string | undefined, flags: LintOptions & ReportFlags) => {
    const progress = createProgress('guidekit-i18n lint: parsing');
    try {
      const result = await runLint({
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
