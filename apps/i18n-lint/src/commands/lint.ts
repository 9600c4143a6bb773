import path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { lintContent, rules } from '@guidekit/i18n';
import { applyInlineDirectives } from '@guidekit/content';
import { exitCodeFor, getReporter, report, reporterNames } from '@guidekit/report';
import { InvalidArgumentError, type Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { checkLocale, loadFor, toPosix, type ContentOptions } from '../shared.js';
import { UsageError } from '../usage.js';
import { VERSION } from '../version.js';

/** Options of {@link runLint}: what `guidekit-i18n lint` takes, as data. */
export interface LintOptions extends ContentOptions {
  /** Source locale; default: the configuration's `sourceLocale`. */
  source?: string | undefined;
  /** Target locales; default: every translated locale. */
  target?: readonly string[] | undefined;
  /** `stylish` (default), `json`, `sarif` or `github`. */
  reporter?: string | undefined;
  /** Write the report to this file (atomically) instead of returning it. */
  output?: string | undefined;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number | undefined;
  /** Report errors only. */
  quiet?: boolean | undefined;
  /** ANSI colours in the stylish report. */
  color?: boolean | undefined;
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
const ruleMeta = Object.fromEntries(rules.map((rule) => [rule.id, { description: rule.meta.description }]));

/**
 * Lint every translation of a content tree against its source, the way `guidekit-i18n lint`
 * does: configured severities, inline `guidekit-disable` comments, a reporter, an exit code.
 *
 * @param options Root, locales, reporter and the other command-line options.
 * @returns The exit code, the diagnostics and the report.
 * @throws {UsageError} On a call that cannot run: unknown reporter, missing folder, bad number.
 */
export async function runLint(options: LintOptions = {}): Promise<LintResult> {
  const reporterName = options.reporter ?? 'stylish';
  if (!getReporter(reporterName)) throw new UsageError(`Unexpected reporter \`${reporterName}\`, expected one of ${reporterNames.join(', ')}`);
  if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= -1)) {
    throw new UsageError(`Unexpected --max-warnings \`${options.maxWarnings}\`, expected a whole number (or -1 for no limit)`);
  }
  const source = checkLocale(options.source, '--source');
  const targets = (options.target ?? []).map((locale) => checkLocale(locale, '--target')!);
  const loaded = await loadFor(options, 'lint');
  const format = (list: Diagnostic[], readSource?: (file: string) => string | undefined) =>
    report(list, {
      reporter: reporterName,
      cwd: loaded.cwd,
      tool: { name: 'guidekit-i18n', version: VERSION },
      rules: ruleMeta,
      color: options.color ?? false,
      ...(readSource ? { sources: readSource } : {}),
    });
  if (!loaded.content) {
    return { code: 2, diagnostics: loaded.configErrors, output: deliver(format(loaded.configErrors), options.output, loaded.cwd) };
  }
  const content = loaded.content;
  const found = lintContent(content, { sourceLocale: source, targetLocales: targets, ...(options.history === false ? { history: false as const } : {}) });
  // Files the linter could not read are errors of this run too.
  const parseErrors = content.diagnostics.filter((d) => d.severity === 'error' && d.ruleId.startsWith('parse/'));
  const kept = applyInlineDirectives([...parseErrors, ...found], (file) => content.readSource(file));
  const shown = options.quiet ? kept.filter((d) => d.severity === 'error') : kept;
  const absolute = shown.map((d) => ({
    ...d,
    file: path.resolve(content.root, d.file),
    ...(d.related ? { related: { ...d.related, file: path.resolve(content.root, d.related.file) } } : {}),
  }));
  const text = format(absolute, (file) => content.readSource(toPosix(path.relative(content.root, file))));
  return { code: exitCodeFor(shown, { maxWarnings: options.maxWarnings }), diagnostics: absolute, output: deliver(text, options.output, loaded.cwd) };
}

/** Write the report to `--output` or hand it back for stdout. */
export function deliver(text: string, output: string | undefined, cwd: string): string {
  if (output === undefined) return text;
  writeFileAtomic.sync(path.resolve(cwd, output), text);
  return '';
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected a whole number');
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

/** Register `lint [root]`. */
export function registerLint(program: Command, state: { code: number }): void {
  program
    .command('lint')
    .description('lint each translation against its source, step by step')
    .argument('[root]', 'content root (default: from guidekit.config.json, else ./content)')
    .option('-s, --source <locale>', 'source locale (default: the configuration’s sourceLocale)')
    .option('-t, --target <locale>', 'target locale; repeat or comma-separate for several (default: all)', collect, [])
    .option('-r, --reporter <name>', `reporter: ${reporterNames.join(', ')}`, 'stylish')
    .option('-o, --output <file>', 'write the report to a file')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer)
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'configuration file')
    .option('--no-history', 'do not read git history for unstamped translations')
    .option('--no-cache', 'do not use the parse cache')
    .option('--color', 'colour the stylish report')
    .action(async (root: string | undefined, flags: Record<string, unknown>) => {
      const result = await runLint({
        root,
        source: flags.source as string | undefined,
        target: flags.target as string[],
        reporter: flags.reporter as string,
        output: flags.output as string | undefined,
        maxWarnings: flags.maxWarnings as number | undefined,
        quiet: flags.quiet === true,
        config: flags.config as string | undefined,
        history: flags.history !== false,
        cache: flags.cache !== false,
        color: flags.color === true || (flags.color === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR),
      });
      if (result.output) process.stdout.write(result.output);
      state.code = result.code;
    });
}
