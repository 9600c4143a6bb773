import path from 'node:path';
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
  wholeNumberOption,
  type ReportFlags,
} from '@guidekit/cli-kit';
import type { Diagnostic } from '@guidekit/model';
import { DEFAULT_FORMATS, PublishUsageError, availableFormats, publish } from '@guidekit/publish';
import type { PublishOptions, PublishProgress, PublishResult, PublishRun } from '@guidekit/publish';
import type { Command } from 'commander';
import { siteTitleOption, siteUrlOption } from '../options.js';
import { VERSION } from '../version.js';

/** Options of {@link runBuild}: what `guidekit-docs build` takes, as data. */
export interface BuildCommandOptions extends Partial<ReportFlags> {
  /** Content root; default: found from `guidekit.config.json` upward from `cwd`, else `content`. */
  root?: string | undefined;
  /** Output folder; default: `out` of the configuration, else `dist`. */
  out?: string | undefined;
  /** Formats, as a list or comma-separated; default: `formats` of the configuration, else the default formats. */
  formats?: readonly string[] | string | undefined;
  /** An explicit `guidekit.config.json` / `.mjs`. */
  config?: string | undefined;
  /** `false` parses every guide again (`--no-cache`). */
  cache?: boolean | undefined;
  /** Folder paths are resolved and printed against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Spaces of indentation of the JSON files (`--json-indent`); default 0, compact. */
  jsonIndent?: number | undefined;
  /** Where the site is published (`--site-url`), over the configuration's `site.url`. */
  siteUrl?: string | undefined;
  /** The site's name (`--site-title`), over the configuration's `site.title`. */
  siteTitle?: string | undefined;
  /** Build one part of the guides (`--shard 2/3`), for `guidekit-docs merge`. */
  shard?: string | undefined;
  /** Wait for another build of the same output folder (default), or exit 2 at once (`--no-wait`). */
  wait?: boolean | undefined;
  /** Report again the render warnings of guides that were up to date (`--verbose`). */
  verbose?: boolean | undefined;
  /** Called after each rendered unit (the CLI draws a progress line on a TTY). */
  onProgress?: ((progress: PublishProgress) => void) | undefined;
  /** Called as guides are parsed or read from the cache, before rendering. */
  onLoadProgress?: ((progress: { done: number; total: number }) => void) | undefined;
  /** Called when another build holds the output folder and this one waits. */
  onWait?: ((holder: { pid: number; host: string }) => void) | undefined;
}

/** What {@link runBuild} resolves to. */
export interface BuildCommandResult {
  /** 0 clean, 1 errors in content or a failed render, 2 a format that cannot run here or an invalid configuration. */
  code: number;
  /** The report text for stdout (diagnostics through the reporter). */
  output: string;
  /** Lines for stderr: formats that could not run, then the summary line. */
  messages: string[];
  /** The diagnostics reported (files absolute). */
  diagnostics: Diagnostic[];
  /** What the build did. */
  result: PublishResult;
}

/** Split `html,json` / `['html', 'json,md']` into names, dropping blanks. */
export function parseFormats(value: readonly string[] | string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (typeof value === 'string' ? [value] : value)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim());
  return list.filter((v) => v.length > 0);
}

/** `1.2s` under a minute, `1m 05s` above. */
function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The summary line printed at the end of a build:
 * `built 12 guides × 5 formats: 31 files written, 29 unchanged in 1.2s`.
 */
export function summaryLine(result: PublishResult, verb = 'built'): string {
  const removed = result.removed.length > 0 ? `, ${result.removed.length} removed` : '';
  const formats = result.formats.length - result.unavailable.length;
  const shard = result.shard ? ` (shard ${result.shard.index}/${result.shard.count})` : '';
  return (
    `${verb} ${plural(result.guides, 'guide')} × ${plural(formats, 'format')}${shard}: ` +
    `${plural(result.written.length, 'file')} written, ${result.unchanged} unchanged${removed} in ${formatDuration(result.durationMs)}`
  );
}

/** Check the flags publish does not check itself; returns the formats. */
function checkFlags(options: BuildCommandOptions): string[] | undefined {
  checkReporter(options.reporter ?? 'stylish');
  if (
    options.maxWarnings !== undefined &&
    !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= -1)
  ) {
    throw new UsageError(
      `Unexpected --max-warnings \`${options.maxWarnings}\`, expected a whole number (or -1 for no limit)`,
    );
  }
  if (
    options.jsonIndent !== undefined &&
    !(Number.isInteger(options.jsonIndent) && options.jsonIndent >= 0 && options.jsonIndent <= 10)
  ) {
    throw new UsageError(
      `Unexpected --json-indent \`${options.jsonIndent}\`, expected a whole number from 0 (compact) to 10`,
    );
  }
  const formats = parseFormats(options.formats);
  if (formats !== undefined && formats.length === 0)
    throw new UsageError(
      `Unexpected empty --format, expected one or more of ${availableFormats().join(', ')}`,
    );
  return formats;
}

/** The publish options of the command's options (shared with `merge`). */
export function publishOptions(options: BuildCommandOptions, cwd: string): PublishOptions {
  return {
    cwd,
    out: options.out,
    formats: parseFormats(options.formats),
    config: options.config,
    cache: options.cache,
    wait: options.wait,
    verbose: options.verbose,
    ...(options.siteUrl !== undefined || options.siteTitle !== undefined
      ? { site: { title: options.siteTitle, url: options.siteUrl } }
      : {}),
    ...(options.jsonIndent !== undefined
      ? { formatOptions: { json: { indent: options.jsonIndent } } }
      : {}),
    onProgress: options.onProgress,
    onLoadProgress: options.onLoadProgress,
    onWait: options.onWait,
  };
}

/** A publish error of the caller's making as a usage error (exit 2). */
export async function asUsage(run: () => Promise<PublishRun>): Promise<PublishRun> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishUsageError) throw new UsageError(error.message);
    throw error;
  }
}

/** Report a publish run: the report for stdout, the lines for stderr, the exit code. */
export function reportRun(
  run: PublishRun,
  options: BuildCommandOptions,
  cwd: string,
  verb: string,
): BuildCommandResult {
  const { diagnostics, result } = run;
  const shown = options.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  const delivered = deliverReport(shown, {
    ...options,
    reporter: options.reporter ?? 'stylish',
    cwd,
    tool: { name: 'guidekit-docs', version: VERSION },
  });
  const messages = result.invalidConfig
    ? []
    : [
        ...result.unavailable.map(
          ({ format, message }) => `guidekit-docs ${verb}: ${format} skipped: ${message}`,
        ),
        summaryLine(result, verb === 'build' ? 'built' : 'merged'),
      ];
  const code = result.invalidConfig || result.unavailable.length > 0 ? EXIT.usage : delivered.code;
  return { code, output: delivered.text, messages, diagnostics: shown, result };
}

/**
 * Build a content tree the way `guidekit-docs build` does: find the root, run `publish()` from
 * `@guidekit/publish` (configuration, levels, inline directives and paths are handled there),
 * report, and choose the exit code. A format that cannot run here (PDF without Chromium) makes
 * the exit code 2, but every other format asked for is still built.
 *
 * @throws {UsageError} On a call that cannot be run: unknown format or reporter, missing folder, locked output.
 */
export async function runBuild(options: BuildCommandOptions = {}): Promise<BuildCommandResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  checkFlags(options);
  const root = await resolveContentRoot({ cwd, root: options.root, config: options.config });
  const run = await onContentRoot(root, 'guidekit-docs build', cwd, () =>
    asUsage(() =>
      publish(root, {
        ...publishOptions(options, cwd),
        ...(options.shard !== undefined ? { shard: options.shard } : {}),
      }),
    ),
  );
  return reportRun(run, options, cwd, 'build');
}

/** The flags `build` and `merge` share, besides the report flags. */
export function addPublishOptions(command: Command): Command {
  return command
    .option('--out <dir>', 'output folder (default: out from guidekit.config.json, else ./dist)')
    .option(
      '-f, --format <list>',
      `comma-separated formats: ${availableFormats().join(', ')} (default: ${DEFAULT_FORMATS.join(',')})`,
    )
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit')
    .option(
      '--json-indent <n>',
      'indent the JSON files by n spaces (default: 0, compact)',
      wholeNumberOption(0, 'a whole number from 0 (compact) to 10', 10),
    )
    .option(
      '--site-url <url>',
      'where the site is published (absolute hreflang, canonical and JSON-LD URLs, html/sitemap.xml); default: site.url from guidekit.config.json',
      siteUrlOption,
    )
    .option(
      '--site-title <text>',
      'name of the site in page titles and headers; default: site.title from guidekit.config.json',
      siteTitleOption,
    )
    .option(
      '--no-wait',
      'exit 2 at once when another build holds the output folder (default: wait for it)',
    )
    .option('--verbose', 'report again the render warnings of guides that were up to date');
}

/** The command-line flags as {@link BuildCommandOptions}, with progress lines on a terminal. */
export function commandOptions(
  flags: ReportFlags & Omit<BuildCommandOptions, 'formats'> & { format?: string },
  verb: string,
): BuildCommandOptions {
  const load = createProgress(`guidekit-docs ${verb}: loading`);
  const render = createProgress(`guidekit-docs ${verb}: rendering`);
  return {
    ...flags,
    formats: flags.format,
    color: shouldColor(flags.color, { stream: process.stdout }),
    onLoadProgress: load ? ({ done, total }) => load.update(done, total) : undefined,
    onProgress: render
      ? ({ done, total }) => {
          load?.clear();
          render.update(done, total);
        }
      : undefined,
    onWait: ({ pid, host }) =>
      process.stderr.write(
        `guidekit-docs ${verb}: waiting for the build of process ${pid} on ${host} to finish\n`,
      ),
  };
}

/**
 * Register `guidekit-docs build [root]`.
 *
 * @param program The commander program.
 * @param state Receives the exit code.
 */
export function registerBuild(program: Command, state: { code: number }): void {
  const command = program
    .command('build')
    .description(
      'publish every guide as an HTML site, single-file HTML, JSON, Markdown, JSON-LD, data modules (and PDF), incrementally',
    )
    .argument(
      '[root]',
      'content root (default: from guidekit.config.json found upward, else ./content)',
    );
  addPublishOptions(addReportOptions(command)).option(
    '--shard <i/n>',
    'build only part i of n of the guides (for guidekit-docs merge)',
  );
  addColorOptions(command).action(
    async (
      root: string | undefined,
      flags: ReportFlags & Omit<BuildCommandOptions, 'formats'> & { format?: string },
    ) => {
      const result = await runBuild({ ...commandOptions(flags, 'build'), root });
      process.stderr.write('\r\x1b[K'.repeat(process.stderr.isTTY ? 1 : 0));
      if (result.output) process.stdout.write(result.output);
      for (const line of result.messages) process.stderr.write(`${line}\n`);
      state.code = result.code;
    },
  );
}
