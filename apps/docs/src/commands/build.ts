import * as path from 'node:path';
import type { Command } from 'commander';
import { BuildUsageError, DEFAULT_FORMATS, availableFormats, build } from '@guidekit/build';
import type { BuildProgress, BuildResult } from '@guidekit/build';
import type { Diagnostic } from '@guidekit/model';
import { applySeverities, exitCodeFor, getReporter, report, reporterNames } from '@guidekit/report';
import { VERSION } from '../version.js';

/** A writable text stream (stdout, stderr, or a test's buffer). */
export interface TextSink {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Options of {@link runBuild}: what the command line says, plus where to print. */
export interface RunBuildOptions {
  /** Content root. Default `content`. */
  root?: string;
  /** Output folder. Default `dist`. */
  out?: string;
  /** Formats, as a list or a comma-separated string. Default html,single,json,md,jsonld. */
  formats?: readonly string[] | string;
  /** Configuration file. */
  config?: string;
  /** `false` for `--no-cache`. */
  cache?: boolean;
  /** Reporter for diagnostics (`stylish`, `json`, `sarif`, `github`). Default `stylish`. */
  reporter?: string;
  /** Print only errors. */
  quiet?: boolean;
  /** Folder paths are printed relative to. Default `process.cwd()`. */
  cwd?: string;
  /** Where the report goes. Default `process.stdout`. */
  stdout?: TextSink;
  /** Where progress, the summary and usage errors go. Default `process.stderr`. */
  stderr?: TextSink;
  /** Show a progress bar. Default: when `stderr` is a TTY and `CI` is not set. */
  progress?: boolean;
}

/** What {@link runBuild} returns: the exit code and, when the build ran, its result. */
export interface RunBuildResult {
  code: number;
  result?: BuildResult;
}

/** Split `html,json` / `['html', 'json,md']` into names, dropping blanks. */
function parseFormats(value: readonly string[] | string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(',')).map((v) => v.trim());
  return list.filter((v) => v.length > 0);
}

/** A one-line progress bar redrawn in place, at most ten times a second. */
function progressBar(sink: TextSink): { update: (p: BuildProgress) => void; clear: () => void } {
  let last = 0;
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.done !== p.total) return;
      last = now;
      const width = 24;
      const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
      sink.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ${p.format}`);
      drawn = true;
    },
    clear() {
      if (drawn) sink.write('\r\x1b[2K');
    },
  };
}

/** `1.2s` under a minute, `1m 05s` above. */
function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/**
 * The summary line printed at the end of a build:
 * `built 12 guides × 5 formats: 31 files written, 29 unchanged in 1.2s`.
 */
export function summaryLine(result: BuildResult): string {
  const removed = result.removed.length > 0 ? `, ${result.removed.length} removed` : '';
  const formats = result.formats.length - result.unavailable.length;
  return (
    `built ${result.guides} guide${result.guides === 1 ? '' : 's'} × ${formats} format${formats === 1 ? '' : 's'}: ` +
    `${result.written.length} file${result.written.length === 1 ? '' : 's'} written, ${result.unchanged} unchanged${removed} ` +
    `in ${formatDuration(result.durationMs)}`
  );
}

/**
 * Run `guidekit-docs build` without commander: build, print the diagnostics through the
 * reporter, the summary line, and resolve to the exit code (0 clean, 1 errors in content or a
 * failed render, 2 usage: unknown format or reporter, missing root, a format that cannot run
 * here such as PDF without Chromium — the other formats are still built).
 *
 * @param options What the command line says, plus the streams to print to.
 * @returns The exit code and the build result.
 */
export async function runBuild(options: RunBuildOptions = {}): Promise<RunBuildResult> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const cwd = options.cwd ?? process.cwd();
  const usage = (message: string): RunBuildResult => {
    stderr.write(`guidekit-docs build: ${message}\n`);
    return { code: 2 };
  };
  const reporterName = options.reporter ?? 'stylish';
  if (!getReporter(reporterName)) {
    return usage(`Unexpected reporter \`${reporterName}\`, expected one of ${reporterNames.join(', ')}`);
  }
  const root = path.resolve(cwd, options.root ?? 'content');
  const { existsSync, statSync } = await import('node:fs');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return usage(`Unexpected content root ${root}: no such folder, expected a folder of guides`);
  }
  const showProgress = options.progress ?? (Boolean(stderr.isTTY) && !process.env.CI);
  const bar = showProgress ? progressBar(stderr) : undefined;
  const formats = parseFormats(options.formats);
  let result: BuildResult;
  try {
    result = await build({
      root,
      out: path.resolve(cwd, options.out ?? 'dist'),
      ...(formats ? { formats } : {}),
      ...(options.config !== undefined ? { config: path.resolve(cwd, options.config) } : {}),
      ...(options.cache !== undefined ? { cache: options.cache } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    });
  } catch (error) {
    bar?.clear();
    if (error instanceof BuildUsageError) return usage(error.message);
    throw error;
  }
  bar?.clear();
  const rules = (result.config.rules ?? {}) as Record<string, 'off' | 'warn' | 'error'>;
  const diagnostics: Diagnostic[] = applySeverities(result.diagnostics, rules);
  const text = report(diagnostics, { reporter: reporterName, cwd, quiet: options.quiet ?? false, tool: { name: 'guidekit-docs', version: VERSION } });
  if (text) stdout.write(text);
  for (const { format, message } of result.unavailable) stderr.write(`guidekit-docs build: ${format}: ${message}\n`);
  stderr.write(`${summaryLine(result)}\n`);
  if (result.unavailable.length > 0) return { code: 2, result };
  return { code: exitCodeFor(diagnostics), result };
}

/**
 * Register `guidekit-docs build [root]` on the program. The action sets `state.code`; usage
 * errors found by commander itself (unknown option) exit 2 through `main`.
 */
export function registerBuild(program: Command, state: { code: number }): void {
  program
    .command('build')
    .description('publish every guide as an HTML site, single-file HTML, JSON, Markdown, JSON-LD (and PDF), incrementally')
    .argument('[root]', 'content root', 'content')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('-f, --format <list>', `comma-separated formats (${availableFormats().join(', ')})`, DEFAULT_FORMATS.join(','))
    .option('-c, --config <file>', 'configuration file (default: guidekit.config.json found from the root up)')
    .option('--no-cache', 'parse every guide again instead of using the cache')
    .option('-r, --reporter <name>', `diagnostics reporter (${reporterNames.join(', ')})`, 'stylish')
    .option('-q, --quiet', 'report errors only')
    .action(async (root: string, opts: { out: string; format: string; config?: string; cache: boolean; reporter: string; quiet?: boolean }) => {
      const { code } = await runBuild({
        root,
        out: opts.out,
        formats: opts.format,
        cache: opts.cache,
        reporter: opts.reporter,
        quiet: opts.quiet ?? false,
        ...(opts.config !== undefined ? { config: opts.config } : {}),
      });
      state.code = code;
    });
}
