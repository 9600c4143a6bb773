import path from 'node:path';
import { BuildUsageError, DEFAULT_FORMATS, availableFormats, build } from '@guidekit/build';
import type { BuildProgress, BuildResult } from '@guidekit/build';
import { loadConfig, resolveConfigPath } from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import { applyInlineDirectives, applySeverities, exitCodeFor, getReporter, report, reporterNames } from '@guidekit/report';
import { Option, type Command } from 'commander';
import { siteTitleOption, siteUrlOption, wholeNumberOption } from '../options.js';
import { UsageError } from '../usage.js';
import { VERSION } from '../version.js';
import { isDirectory, isFile } from '../paths.js';

/** Options of {@link runBuild}: what `guidekit-docs build` takes, as data. */
export interface BuildCommandOptions {
  /** Content root; default: `contentRoot` of the configuration found from `cwd`, else `content`. */
  root?: string | undefined;
  /** Output folder; default: `out` of the configuration, else `dist`. */
  out?: string | undefined;
  /** Formats, as a list or comma-separated; default: `formats` of the configuration, else html,single,json,md,jsonld. */
  formats?: readonly string[] | string | undefined;
  /** An explicit `guidekit.config.json` / `.mjs`. */
  config?: string | undefined;
  /** `false` parses every guide again (`--no-cache`). */
  cache?: boolean | undefined;
  /** Reporter of the diagnostics: `stylish` (default), `json`, `sarif`, `github`. */
  reporter?: string | undefined;
  /** Report errors only. */
  quiet?: boolean | undefined;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number | undefined;
  /** Folder paths are resolved and printed against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** ANSI colours in the stylish report. */
  color?: boolean | undefined;
  /** Spaces of indentation of the JSON files (`--json-indent`); default 0, compact. */
  jsonIndent?: number | undefined;
  /** Where the site is published (`--site-url`), over the configuration's `site.url`. */
  siteUrl?: string | undefined;
  /** The site's name (`--site-title`), over the configuration's `site.title`. */
  siteTitle?: string | undefined;
  /** Render threads (see `build`); default: decided by the build. */
  workers?: number | undefined;
  /** Called after each rendered unit (the CLI draws a progress bar on a TTY). */
  onProgress?: ((progress: BuildProgress) => void) | undefined;
  /** Called as guides are parsed or read from the cache, before rendering. */
  onLoadProgress?: ((progress: { done: number; total: number }) => void) | undefined;
}

/** What {@link runBuild} resolves to. */
export interface BuildCommandResult {
  /** 0 clean, 1 errors in content or a failed render, 2 a format that cannot run here or an invalid configuration. */
  code: number;
  /** The report text for stdout (diagnostics through the reporter). */
  output: string;
  /** Lines for stderr: formats that could not run, then the summary line. */
  messages: string[];
  /** The diagnostics reported (configured severities and inline directives applied; files absolute). */
  diagnostics: Diagnostic[];
  /** What the build did (absent when an invalid configuration stopped it). */
  result?: BuildResult;
}

/** Split `html,json` / `['html', 'json,md']` into names, dropping blanks. */
export function parseFormats(value: readonly string[] | string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(',')).map((v) => v.trim());
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
 *
 * @param result What the build did.
 * @returns One line, without a newline.
 */
export function summaryLine(result: BuildResult): string {
  const removed = result.removed.length > 0 ? `, ${result.removed.length} removed` : '';
  const formats = result.formats.length - result.unavailable.length;
  return (
    `built ${plural(result.guides, 'guide')} × ${plural(formats, 'format')}: ` +
    `${plural(result.written.length, 'file')} written, ${result.unchanged} unchanged${removed} in ${formatDuration(result.durationMs)}`
  );
}

/**
 * Build a content tree the way `guidekit-docs build` does, and say how it went: the report of
 * the diagnostics (configured severities and inline `guidekit-disable` comments applied), the
 * lines for stderr, and the exit code. A format that cannot run here (PDF without Chromium)
 * makes the exit code 2, but every other format asked for is still built.
 *
 * @param options Root, output folder, formats and the other command-line options.
 * @returns The exit code, the report, the stderr lines and the build result.
 * @throws {UsageError} On a call that cannot be run: unknown format or reporter, missing folder.
 */
export async function runBuild(options: BuildCommandOptions = {}): Promise<BuildCommandResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const reporterName = options.reporter ?? 'stylish';
  if (!getReporter(reporterName)) {
    throw new UsageError(`Unexpected reporter \`${reporterName}\`, expected one of ${reporterNames.join(', ')}`);
  }
  if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= -1)) {
    throw new UsageError(`Unexpected --max-warnings \`${options.maxWarnings}\`, expected a whole number (or -1 for no limit)`);
  }
  if (options.jsonIndent !== undefined && !(Number.isInteger(options.jsonIndent) && options.jsonIndent >= 0 && options.jsonIndent <= 10)) {
    throw new UsageError(`Unexpected --json-indent \`${options.jsonIndent}\`, expected a whole number from 0 (compact) to 10`);
  }
  const formats = parseFormats(options.formats);
  if (formats !== undefined && formats.length === 0) {
    throw new UsageError(`Unexpected empty --format, expected one or more of ${availableFormats().join(', ')}`);
  }
  const configFile = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  if (configFile !== undefined && !isFile(configFile)) {
    throw new UsageError(`Configuration file \`${options.config}\` not found, expected an existing guidekit.config.json or .mjs file`);
  }
  let root = options.root === undefined ? undefined : path.resolve(cwd, options.root);
  // The configuration is read first: an invalid one stops the build (exit 2) before anything is written.
  const { config, diagnostics: configErrors } = await loadConfig(root ?? cwd, { configFile, cwd });
  if (configErrors.length > 0) {
    const absolute = configErrors.map((d) => ({ ...d, file: path.resolve(root ?? cwd, d.file) }));
    const output = report(absolute, { reporter: reporterName, cwd, color: options.color ?? false });
    return { code: 2, output, messages: [], diagnostics: absolute };
  }
  if (root === undefined) root = config.configFile ? resolveConfigPath(config, config.contentRoot) : path.resolve(cwd, 'content');
  if (!isDirectory(root)) {
    throw new UsageError(`Content root \`${path.relative(cwd, root) || '.'}\` is not a folder, expected a folder of guides: \`guidekit-docs build <root>\``);
  }

  let result: BuildResult;
  try {
    result = await build({
      root,
      ...(options.out !== undefined ? { out: path.resolve(cwd, options.out) } : config.out ? {} : { out: path.resolve(cwd, 'dist') }),
      ...(formats ? { formats } : {}),
      ...(configFile !== undefined ? { config: configFile } : {}),
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.siteUrl !== undefined || options.siteTitle !== undefined ? { site: { title: options.siteTitle, url: options.siteUrl } } : {}),
      ...(options.jsonIndent !== undefined ? { formatOptions: { json: { indent: options.jsonIndent } } } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.onLoadProgress ? { onLoadProgress: options.onLoadProgress } : {}),
    });
  } catch (error) {
    if (error instanceof BuildUsageError) throw new UsageError(error.message);
    throw error;
  }
  const configured = applySeverities(result.diagnostics, result.config.rules);
  const kept = applyInlineDirectives(configured, (file) => result.readSource(file));
  const shown = options.quiet ? kept.filter((d) => d.severity === 'error') : kept;
  // The reporters print paths relative to `cwd`; the build's are relative to the content root.
  const absolute = shown.map((d) => ({
    ...d,
    file: path.resolve(result.root, d.file),
    ...(d.related ? { related: { ...d.related, file: path.resolve(result.root, d.related.file) } } : {}),
  }));
  const output = report(absolute, {
    reporter: reporterName,
    cwd,
    tool: { name: 'guidekit-docs', version: VERSION },
    sources: (file) => result.readSource(path.relative(result.root, file).split(path.sep).join('/')),
    color: options.color ?? false,
  });
  const messages = [
    ...result.unavailable.map(({ format, message }) => `guidekit-docs build: ${format} skipped: ${message}`),
    summaryLine(result),
  ];
  const code = result.unavailable.length > 0 ? 2 : exitCodeFor(shown, { maxWarnings: options.maxWarnings });
  return { code, output, messages, diagnostics: absolute, result };
}

/** A one-line progress bar on stderr, redrawn in place at most ten times a second. */
function progressBar(): { load: (p: { done: number; total: number }) => void; update: (p: BuildProgress) => void; clear: () => void } {
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number, label: string): void => {
    const now = Date.now();
    if (now - last < 100 && done !== total) return;
    last = now;
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`);
    drawn = true;
  };
  return {
    load: (p) => draw(p.done, p.total, 'guides loaded'),
    update: (p) => draw(p.done, p.total, p.format),
    clear() {
      if (drawn) process.stderr.write('\r\x1b[K');
    },
  };
}

/**
 * Register `guidekit-docs build [root]`.
 *
 * @param program The commander program.
 * @param state Receives the exit code.
 */
export function registerBuild(program: Command, state: { code: number }): void {
  program
    .command('build')
    .description('publish every guide as an HTML site, single-file HTML, JSON, Markdown, JSON-LD (and PDF), incrementally')
    .argument('[root]', 'content root (default: contentRoot from guidekit.config.json, else ./content)')
    .option('-o, --out <dir>', 'output folder (default: out from guidekit.config.json, else ./dist)')
    .option('-f, --format <list>', `comma-separated formats: ${availableFormats().join(', ')} (default: ${DEFAULT_FORMATS.join(',')})`)
    .addOption(new Option('-r, --reporter <name>', 'diagnostics format').choices(reporterNames).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumberOption(-1, 'a whole number (or -1 for no limit)'))
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit')
    .option('--json-indent <n>', 'indent the JSON files by n spaces (default: 0, compact)', wholeNumberOption(0, 'a whole number from 0 (compact) to 10', 10))
    .option('--site-url <url>', 'where the site is published (absolute hreflang, canonical and JSON-LD URLs, html/sitemap.xml); default: site.url from guidekit.config.json', siteUrlOption)
    .option('--site-title <text>', 'name of the site in page titles and headers; default: site.title from guidekit.config.json', siteTitleOption)
    .action(
      async (
        root: string | undefined,
        opts: {
          out?: string;
          format?: string;
          reporter: string;
          maxWarnings?: number;
          quiet?: boolean;
          config?: string;
          cache: boolean;
          jsonIndent?: number;
          siteUrl?: string;
          siteTitle?: string;
        },
      ) => {
        // A progress bar only for a person watching: a TTY, and not CI.
        const bar = Boolean(process.stderr.isTTY) && !process.env['CI'] ? progressBar() : undefined;
        let result: BuildCommandResult;
        try {
          result = await runBuild({
            root,
            out: opts.out,
            formats: opts.format,
            reporter: opts.reporter,
            maxWarnings: opts.maxWarnings,
            quiet: opts.quiet,
            config: opts.config,
            cache: opts.cache,
            jsonIndent: opts.jsonIndent,
            siteUrl: opts.siteUrl,
            siteTitle: opts.siteTitle,
            color: opts.reporter === 'stylish' && Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'],
            onProgress: bar?.update,
            onLoadProgress: bar?.load,
          });
        } finally {
          bar?.clear();
        }
        if (result.output) process.stdout.write(result.output);
        for (const line of result.messages) process.stderr.write(`${line}\n`);
        state.code = result.code;
      },
    );
}
