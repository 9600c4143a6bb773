import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ContentRootError, loadConfig, loadContent, resolveConfigPath, type LoadProgress } from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import { applyInlineDirectives, applySeverities, exitCodeFor, getReporter, report, reporterNames } from '@guidekit/report';
import { addColorOptions, createProgress, shouldColor } from '@guidekit/cli-kit';
import { Option, type Command } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { wholeNumberOption } from '../options.js';
import { UsageError } from '../usage.js';
import { VERSION } from '../version.js';
import { isFile } from '../paths.js';

/** Options of {@link runCheck}: what `guidekit-docs check` takes, as data. */
export interface CheckOptions {
  /** Content root; default: `contentRoot` of the configuration found from `cwd`, else `content`. */
  root?: string | undefined;
  /** Folder paths are resolved and printed against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** `stylish` (default), `json`, `sarif` or `github`. */
  reporter?: string | undefined;
  /** Write the report to this file (atomically) instead of returning it for stdout. */
  output?: string | undefined;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings?: number | undefined;
  /** Report errors only. */
  quiet?: boolean | undefined;
  /** An explicit `guidekit.config.json` / `.mjs`. */
  config?: string | undefined;
  /** `false` skips the parse cache (`--no-cache`). */
  cache?: boolean | undefined;
  /** ANSI colours in the stylish report. */
  color?: boolean | undefined;
  /** Called while files are parsed (the CLI draws a progress line on a TTY). */
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

/** What {@link runCheck} resolves to. */
export interface CheckResult {
  /** 0 clean, 1 errors (or warnings over `maxWarnings`), 2 invalid configuration. */
  code: number;
  /** The diagnostics reported, after configured severities, inline directives and `quiet`. */
  diagnostics: Diagnostic[];
  /** The report text (empty when it was written to `output`). */
  output: string;
}

/**
 * Check a content tree the way `guidekit-docs check` does: load it, apply the configured rule
 * severities and the inline `guidekit-disable` comments, and format a report.
 *
 * @param options Root, reporter and the other command-line options.
 * @returns The exit code, the diagnostics and the report.
 * @throws {UsageError} On a call that cannot be run: unknown reporter, missing folder, bad number.
 */
export async function runCheck(options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const reporterName = options.reporter ?? 'stylish';
  if (!getReporter(reporterName)) {
    throw new UsageError(`Unexpected reporter \`${reporterName}\`, expected one of ${reporterNames.join(', ')}`);
  }
  if (options.maxWarnings !== undefined && !(Number.isInteger(options.maxWarnings) && options.maxWarnings >= -1)) {
    throw new UsageError(`Unexpected --max-warnings \`${options.maxWarnings}\`, expected a whole number (or -1 for no limit)`);
  }
  const configFile = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  if (configFile !== undefined && !isFile(configFile)) {
    throw new UsageError(`Configuration file \`${options.config}\` not found, expected an existing guidekit.config.json or .mjs file`);
  }

  let root = options.root;
  if (root === undefined) {
    // No root given: the configuration found from the working directory says where content is.
    const { config, diagnostics } = await loadConfig(cwd, { configFile, cwd });
    if (diagnostics.length > 0) return invalidConfig(diagnostics, cwd, options);
    root = config.configFile ? resolveConfigPath(config, config.contentRoot) : path.resolve(cwd, 'content');
  }

  let content;
  try {
    content = await loadContent(root, { cwd, config: configFile, cache: options.cache ?? true, onProgress: options.onProgress });
  } catch (error) {
    if (error instanceof ContentRootError) {
      throw new UsageError(`Content root \`${root}\` is not a folder, expected a folder of guides: \`guidekit-docs check <root>\``);
    }
    throw error;
  }
  const absRoot = content.root;
  const configErrors = content.diagnostics.filter((d) => d.ruleId === 'config/invalid');
  if (configErrors.length > 0) return invalidConfig(configErrors, absRoot, options, cwd);

  const configured = applySeverities(content.diagnostics, content.config.rules);
  const kept = applyInlineDirectives(configured, (file) => content.readSource(file));
  const shown = options.quiet ? kept.filter((d) => d.severity === 'error') : kept;
  // The reporters print paths relative to `cwd`; the loader's are relative to the content root.
  const absolute = shown.map((d) => ({ ...d, file: path.resolve(absRoot, d.file) }));
  const text = report(absolute, {
    reporter: reporterName,
    cwd,
    tool: { name: 'guidekit-docs', version: VERSION },
    sources: (file) => content.readSource(toPosix(path.relative(absRoot, file))),
    color: options.color ?? false,
  });
  const code = exitCodeFor(shown, { maxWarnings: options.maxWarnings });
  return { code, diagnostics: absolute, output: deliver(text, options.output, cwd) };
}

/** A configuration that does not validate: report where, exit 2 (the run cannot be trusted). */
function invalidConfig(diagnostics: Diagnostic[], base: string, options: CheckOptions, cwd: string = base): CheckResult {
  const absolute = diagnostics.map((d) => ({ ...d, file: path.resolve(base, d.file) }));
  const text = report(absolute, { reporter: options.reporter ?? 'stylish', cwd, color: options.color ?? false });
  return { code: 2, diagnostics: absolute, output: deliver(text, options.output, cwd) };
}

/** Write the report to `--output` (temp file, then rename) or hand it back for stdout. */
function deliver(text: string, output: string | undefined, cwd: string): string {
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
    .argument('[root]', 'content root (default: contentRoot from guidekit.config.json, else ./content)')
    .addOption(new Option('-r, --reporter <name>', 'output format').choices(reporterNames).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', wholeNumberOption(-1, 'a whole number (or -1 for no limit)'))
    .option('-q, --quiet', 'report errors only')
    .option('-c, --config <file>', 'use this configuration file instead of looking one up')
    .option('--no-cache', 'parse every file again, ignoring node_modules/.cache/guidekit');
  addColorOptions(command).action(
    async (root: string | undefined, opts: { reporter: string; output?: string; maxWarnings?: number; quiet?: boolean; config?: string; cache: boolean; color?: boolean }) => {
      const progress = createProgress('guidekit-docs check: parsing');
      let result: CheckResult;
      try {
        result = await runCheck({
          root,
          reporter: opts.reporter,
          output: opts.output,
          maxWarnings: opts.maxWarnings,
          quiet: opts.quiet,
          config: opts.config,
          cache: opts.cache,
          color: opts.reporter === 'stylish' && shouldColor(opts.color, { stream: process.stdout }),
          onProgress: progress ? ({ done, total }) => progress.update(done, total) : undefined,
        });
      } finally {
        progress?.clear();
      }
      if (result.output) process.stdout.write(result.output);
      state.code = result.code;
    },
  );
}


function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
