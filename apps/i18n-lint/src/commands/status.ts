import path from 'node:path';
import { addColorOptions, createProgress, EXIT, listOption, onContentRoot, shouldColor, UsageError, writeOutput } from '@guidekit/cli-kit';
import { describeState, renderStatusHtml, status, type GuideStatus, type StatusReport, type TranslationState } from '@guidekit/i18n';
import type { Diagnostic } from '@guidekit/model';
import { report } from '@guidekit/report';
import { Option, type Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { checkLocale, checkLocalesIn, rootFor, type ContentOptions } from '../shared.js';
import { VERSION } from '../version.js';

/** Reporters of `status`: the table (`stylish`), the status as JSON, or one diagnostic per guide that is not up to date. */
export const STATUS_REPORTERS = ['stylish', 'json', 'sarif', 'github'] as const;

/** States `--fail-on` accepts. */
export const FAIL_ON_STATES = ['stale', 'untranslated', 'missing', 'orphan', 'unknown'] as const;

/** Options of {@link runStatus}. */
export interface StatusCommandOptions extends ContentOptions {
  source?: string | undefined;
  target?: readonly string[] | undefined;
  /** `stylish` (the table, default), `json`, `sarif` or `github` (`table` is kept as a name of `stylish`). */
  reporter?: string | undefined;
  /** Exit 1 when a guide is in one of these states (`--fail-on stale,missing`). */
  failOn?: readonly string[] | undefined;
  /** Write the report to this file instead of returning it. */
  output?: string | undefined;
  /** Also write a self-contained HTML dashboard to this file. */
  html?: string | undefined;
  /** `false`: do not read git history for unstamped translations. */
  history?: boolean | undefined;
  /** ANSI colours (sarif/github/json have none; the table has none either today). */
  color?: boolean | undefined;
}

/** What {@link runStatus} resolves to. */
export interface StatusResult {
  /** 0; 1 when a guide is in a `failOn` state; 2 on an invalid configuration. */
  code: number;
  status?: StatusReport | undefined;
  /** One diagnostic per guide that is not up to date (what sarif and github print). */
  diagnostics: Diagnostic[];
  output: string;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** The status as a plain-text table per locale, with totals. */
export function formatStatusTable(status: StatusReport): string {
  const out: string[] = [];
  for (const locale of status.locales) {
    const rows = status.guides.filter((row) => row.locale === locale.locale || row.locale.split('-')[0] === locale.locale);
    out.push(`${locale.locale} (from ${status.sourceLocale})`);
    const width = Math.min(70, Math.max(5, ...rows.map((row) => [...row.slug].length)));
    for (const row of rows) out.push(`  ${pad(row.slug, width)}  ${describeState(row)}`);
    out.push(
      `  ${locale.upToDate}/${locale.total} up to date (${locale.completion}%), ${locale.stale} stale, ${locale.missing} missing, ${locale.orphan} orphan, ${locale.unknown} unknown`,
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The rule id of each state a `status` diagnostic reports (written out, so the test that every
 * rule id of the sources has a page in docs/rules finds them).
 */
export const STATUS_RULES: Record<Exclude<TranslationState, 'up-to-date'>, string> = {
  stale: 'i18n/status-stale',
  untranslated: 'i18n/status-untranslated',
  missing: 'i18n/status-missing',
  orphan: 'i18n/status-orphan',
  unknown: 'i18n/status-unknown',
};

/** The severity of each state's diagnostic. */
export const STATUS_SEVERITY: Record<Exclude<TranslationState, 'up-to-date'>, Diagnostic['severity']> = {
  stale: 'warning',
  untranslated: 'warning',
  missing: 'warning',
  orphan: 'warning',
  unknown: 'info',
};

/**
 * One diagnostic per guide that is not up to date, for reporters a CI annotates with: on the
 * translation (the source for a missing one), rule `i18n/status-<state>` ({@link STATUS_RULES}), a sentence that says
 * which steps changed.
 *
 * @param status The status.
 * @param root The absolute content root (files are made absolute).
 */
export function statusDiagnostics(status: StatusReport, root: string): Diagnostic[] {
  return status.guides.flatMap((row): Diagnostic[] => {
    if (row.state === 'up-to-date') return [];
    const file = row.translation ?? row.source;
    if (file === undefined) return [];
    return [
      { file: path.resolve(root, file), line: 1, column: 1, severity: STATUS_SEVERITY[row.state], ruleId: STATUS_RULES[row.state], message: sentence(row) },
    ];
  });
}

function sentence(row: GuideStatus): string {
  switch (row.state) {
    case 'stale':
      return `Unexpected stale ${row.locale} translation of \`${row.slug}\`: ${row.stale.map((unit) => `${unit.key} (${unit.title})`).join(', ')} changed in the source since it was made`;
    case 'untranslated':
      return `Unexpected untranslated ${row.locale} translation of \`${row.slug}\`: its prose is still the source's, expected it translated`;
    case 'missing':
      return `No ${row.locale} translation of \`${row.slug}\` yet: expected one beside the source \`${row.source ?? row.slug}\``;
    case 'orphan':
      return `Unexpected ${row.locale} translation \`${row.slug}\` without a source, expected a ${row.source ?? 'source'} guide of the same slug`;
    default:
      return `Unknown state of the ${row.locale} translation of \`${row.slug}\`: no stamp and no git history, expected \`guidekit-i18n stamp\` to record its source`;
  }
}

/**
 * The `guidekit-i18n status` command as a function: the translation status of a tree, as a
 * table, JSON, SARIF or GitHub annotations, failing on the states asked for.
 *
 * @throws {UsageError} On a call that cannot run (unknown reporter, state or locale).
 */
export async function runStatus(options: StatusCommandOptions = {}): Promise<StatusResult> {
  const reporter = options.reporter === 'table' ? 'stylish' : (options.reporter ?? 'stylish');
  if (!(STATUS_REPORTERS as readonly string[]).includes(reporter))
    throw new UsageError(`Unexpected reporter \`${reporter}\`, expected one of ${STATUS_REPORTERS.join(', ')}`);
  const failOn = checkFailOn(options.failOn ?? []);
  const sourceLocale = checkLocale(options.source, '--source');
  const targetLocales = (options.target ?? []).map((locale) => checkLocale(locale, '--target') ?? locale);
  const { cwd, root } = await rootFor(options);
  const run = await onContentRoot(root, 'guidekit-i18n status', cwd, () =>
    status(root, {
      config: options.config,
      cache: options.cache,
      onProgress: options.onProgress,
      cwd,
      sourceLocale,
      targetLocales,
      withText: options.html !== undefined,
      ...(options.history === false ? { history: false as const } : {}),
    }),
  );
  if (run.result.configInvalid) return { code: EXIT.usage, diagnostics: run.diagnostics, output: report(run.diagnostics, { cwd }) };
  checkLocalesIn(run.result.locales, { '--source': [sourceLocale], '--target': targetLocales });
  const loaded = { cwd, content: { root: run.result.root } };
  const statusReport = run.result.report;
  if (options.html !== undefined) writeFileAtomic.sync(path.resolve(cwd, options.html), renderStatusHtml(statusReport));
  const diagnostics = statusDiagnostics(statusReport, loaded.content.root);
  const code = statusReport.guides.some((row) => failOn.includes(row.state)) ? EXIT.errors : EXIT.ok;
  return { code, status: statusReport, diagnostics, output: writeOutput(format(statusReport, diagnostics, reporter, cwd, options.color), options.output, cwd) };
}

function format(status: StatusReport, diagnostics: Diagnostic[], reporter: string, cwd: string, color: boolean | undefined): string {
  if (reporter === 'stylish') return formatStatusTable(status);
  if (reporter === 'json') {
    // The machine form carries no step texts: they are for the dashboard.
    const lean = { ...status, guides: status.guides.map((row) => ({ ...row, stale: row.stale.map(({ key, reason, title }) => ({ key, reason, title })) })) };
    return `${JSON.stringify(lean, null, 2)}\n`;
  }
  return report(diagnostics, { reporter, cwd, tool: { name: 'guidekit-i18n', version: VERSION }, color: color === true });
}

function checkFailOn(states: readonly string[]): string[] {
  for (const state of states) {
    if (!(FAIL_ON_STATES as readonly string[]).includes(state))
      throw new UsageError(`Unexpected --fail-on state \`${state}\`, expected one of ${FAIL_ON_STATES.join(', ')}`);
  }
  return [...states];
}

/** Register `status [root]`. */
export function registerStatus(program: Command, state: { code: number }): void {
  const command = program
    .command('status')
    .description('print the translation state of every guide: up to date, stale, untranslated, missing, orphan, unknown')
    .argument('[root]', 'content root (default: from guidekit.config.json found upward, else ./content)')
    .option('-s, --source <locale>', 'source locale (default: the configuration’s sourceLocale)')
    .option('-t, --target <locale>', 'target locale; repeat or comma-separate for several (default: all)', listOption, [])
    .addOption(
      new Option('-r, --reporter <name>', 'output format: the table, the status as JSON, or annotations')
        .choices([...STATUS_REPORTERS, 'table'])
        .default('stylish'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--fail-on <states>', `exit 1 when a guide is in one of these states (comma-separated: ${FAIL_ON_STATES.join(', ')})`, listOption, [])
    .option('--html <file>', 'also write a self-contained HTML dashboard')
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-history', 'do not read git history for unstamped translations')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(async (root: string | undefined, flags: StatusCommandOptions) => {
    const progress = createProgress('guidekit-i18n status: parsing');
    try {
      const result = await runStatus({
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
