import path from 'node:path';
import { computeStatus, describeState, renderStatusHtml, type StatusReport } from '@guidekit/i18n';
import { report } from '@guidekit/report';
import type { Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { checkLocale, loadFor, type ContentOptions } from '../shared.js';
import { UsageError } from '../usage.js';

/** Options of {@link runStatus}. */
export interface StatusCommandOptions extends ContentOptions {
  source?: string | undefined;
  target?: readonly string[] | undefined;
  /** `table` (default) or `json`. */
  reporter?: string | undefined;
  /** Also write a self-contained HTML dashboard to this file. */
  html?: string | undefined;
  /** `false`: do not read git history for unstamped translations. */
  history?: boolean | undefined;
}

/** What {@link runStatus} resolves to. */
export interface StatusResult {
  /** 0, or 2 on an invalid configuration. Status is information: stale is not a failure. */
  code: number;
  status?: StatusReport | undefined;
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
 * Compute the translation status of a content tree, as `guidekit-i18n status` prints it.
 *
 * @param options Root, locales, reporter (`table` or `json`) and an optional HTML file.
 * @returns The exit code, the status and the text to print.
 * @throws {UsageError} On a call that cannot run.
 */
export async function runStatus(options: StatusCommandOptions = {}): Promise<StatusResult> {
  const reporter = options.reporter ?? 'table';
  if (reporter !== 'table' && reporter !== 'json' && reporter !== 'stylish') {
    throw new UsageError(`Unexpected reporter \`${reporter}\`, expected table or json`);
  }
  const source = checkLocale(options.source, '--source');
  const targets = (options.target ?? []).map((locale) => checkLocale(locale, '--target')!);
  const loaded = await loadFor(options, 'status');
  if (!loaded.content) return { code: 2, output: report(loaded.configErrors, { cwd: loaded.cwd }) };
  const status = computeStatus(loaded.content, {
    sourceLocale: source,
    targetLocales: targets,
    withText: options.html !== undefined,
    ...(options.history === false ? { history: false as const } : {}),
  });
  if (options.html !== undefined) writeFileAtomic.sync(path.resolve(loaded.cwd, options.html), renderStatusHtml(status));
  if (reporter === 'json') {
    // The machine form carries no step texts: they are for the dashboard.
    const lean = { ...status, guides: status.guides.map((row) => ({ ...row, stale: row.stale.map(({ key, reason, title }) => ({ key, reason, title })) })) };
    return { code: 0, status, output: `${JSON.stringify(lean, null, 2)}\n` };
  }
  return { code: 0, status, output: formatStatusTable(status) };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').filter(Boolean)];
}

/** Register `status [root]`. */
export function registerStatus(program: Command, state: { code: number }): void {
  program
    .command('status')
    .description('print the translation state of every guide: up to date, stale, missing, orphan, unknown')
    .argument('[root]', 'content root (default: from guidekit.config.json, else ./content)')
    .option('-s, --source <locale>', 'source locale')
    .option('-t, --target <locale>', 'target locale; repeat or comma-separate', collect, [])
    .option('-r, --reporter <name>', 'table or json', 'table')
    .option('--html <file>', 'also write a self-contained HTML dashboard')
    .option('-c, --config <file>', 'configuration file')
    .option('--no-history', 'do not read git history for unstamped translations')
    .option('--no-cache', 'do not use the parse cache')
    .action(async (root: string | undefined, flags: Record<string, unknown>) => {
      const result = await runStatus({
        root,
        source: flags.source as string | undefined,
        target: flags.target as string[],
        reporter: flags.reporter as string,
        html: flags.html as string | undefined,
        config: flags.config as string | undefined,
        history: flags.history !== false,
        cache: flags.cache !== false,
      });
      if (result.output) process.stdout.write(result.output);
      state.code = result.code;
    });
}
