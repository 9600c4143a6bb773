import path from 'node:path';
import {
  canonicalLocale,
  CONFIG_RULE_ID,
  loadConfig,
  loadContent,
  settleDiagnostics,
  type LoadedContent,
  type LoadProgress,
  type ResolvedConfig,
} from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import { preferFastTokenizer } from './code-tokens.js';
import { localesOf } from './content.js';
import { lintContent } from './lint-content.js';
import type { History } from './git.js';
import { computeStatus, type StatusReport } from './status.js';

/** Options every i18n run function takes. */
export interface RunOptions {
  /** An explicit `guidekit.config.json` / `.mjs`, relative to `cwd`; default: looked up from the root. */
  config?: string | undefined;
  /** `false` parses every file again; a string is the cache folder. Default: the usual cache. */
  cache?: boolean | string | undefined;
  /** Folder relative paths are resolved against; where the configuration lookup stops. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Source locale; default: the configuration's `sourceLocale`. */
  sourceLocale?: string | undefined;
  /** Target locales; default: the configuration's `locales`, else every translated locale. */
  targetLocales?: readonly string[] | undefined;
  /** `false`: no git history for unstamped translations; default: git when the root is in a work tree. */
  history?: History | false | undefined;
  /** Called as files get parsed. */
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

/** What every run function says about the tree it worked on. */
export interface RunResult {
  /** Absolute content root. */
  root: string;
  config: ResolvedConfig;
  /** `true` when the configuration did not validate (its errors are the diagnostics; a CLI exits 2). */
  configInvalid: boolean;
  sourceLocale: string;
  targetLocales: string[];
  /** Every locale the tree has (its guides' and the configuration's), sorted: what a CLI checks `--source`/`--target` against. */
  locales: string[];
  /** A file's text by its absolute path, as the run read it (for reporters that show lines). */
  readSource: (file: string) => string | undefined;
}

/** The loaded tree of a run, with its configuration errors settled. */
export async function loadRun(root: string, options: RunOptions): Promise<{ content: LoadedContent; base: RunResult; configErrors: Diagnostic[] }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const absRoot = path.resolve(cwd, root);
  const configFile = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  const configured = await configWithSource(absRoot, configFile, cwd, options.sourceLocale);
  const content = await loadContent(absRoot, {
    cwd,
    config: configured?.config ?? configFile,
    cache: options.cache ?? true,
    onProgress: options.onProgress,
  });
  const configErrors = settle(content, [...(configured?.diagnostics ?? []), ...content.diagnostics.filter((d) => d.ruleId === CONFIG_RULE_ID)]);
  const { sourceLocale, targetLocales } = localesOf(content, options);
  const base: RunResult = {
    root: content.root,
    config: content.config,
    configInvalid: configErrors.length > 0,
    sourceLocale,
    targetLocales,
    // A source locale named by the run is not evidence that the tree has it: `--source xx`
    // must stay checkable against the locales found (a usage error), so only a configured one counts.
    locales: [
      ...new Set([
        ...content.outlines.map((guide) => guide.locale),
        ...(content.config.locales ?? []),
        ...(options.sourceLocale === undefined ? [content.config.sourceLocale] : []),
      ]),
    ].sort(),
    readSource: (file) => content.readSource(path.relative(content.root, file).split(path.sep).join('/')),
  };
  return { content, base, configErrors };
}

/**
 * The configuration with the run's source locale in it, so that pages whose path names no locale
 * (a Starlight tree: English at the root, `fr/`, `de/` beside it) are read in that locale with
 * no configuration file; `undefined` when the run names no source locale (the loader then
 * reads the configuration itself).
 */
async function configWithSource(
  root: string,
  configFile: string | undefined,
  cwd: string,
  sourceLocale: string | undefined,
): Promise<{ config: ResolvedConfig; diagnostics: Diagnostic[] } | undefined> {
  if (sourceLocale === undefined) return undefined;
  const loaded = await loadConfig(root, { configFile, cwd });
  return { config: { ...loaded.config, sourceLocale: canonicalLocale(sourceLocale) ?? sourceLocale }, diagnostics: loaded.diagnostics };
}

/** Levels, overrides, inline directives and absolute paths: once, as `check` does. */
export function settle(content: LoadedContent, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return settleDiagnostics(diagnostics, { root: content.root, settings: content.config, readSource: (file) => content.readSource(file) });
}

/** What {@link lint} found besides its diagnostics. */
export interface LintResult extends RunResult {
  /** Source/translation pairs compared. */
  pairs: number;
}

/**
 * Lint every translation of a content tree against its source — the whole of
 * `guidekit-i18n lint` but printing: load, every rule, the configuration's levels, options and
 * per-path overrides, inline `guidekit-disable` comments, absolute paths. Files the loader could
 * not parse are errors of the run too. Never prints, never exits.
 *
 * @param root The content root (absolute, or relative to `options.cwd`).
 * @param options Locales, configuration file, cache, history.
 * @returns Diagnostics (`file` absolute) and what was linted.
 * @throws {ContentRootError} When `root` is not an existing folder.
 */
export async function lint(root: string, options: RunOptions = {}): Promise<{ diagnostics: Diagnostic[]; result: LintResult }> {
  const { content, base, configErrors } = await loadRun(root, options);
  if (base.configInvalid) return { diagnostics: configErrors, result: { ...base, pairs: 0 } };
  await preferFastTokenizer();
  const found = lintContent(content, { sourceLocale: base.sourceLocale, targetLocales: base.targetLocales, history: options.history });
  const parseErrors = content.diagnostics.filter((d) => d.severity === 'error' && d.ruleId.startsWith('parse/'));
  const pairs = content.translations.reduce((sum, group) => sum + (group.source ? group.translations.length : 0), 0);
  return { diagnostics: settle(content, [...parseErrors, ...found]), result: { ...base, pairs } };
}

/** What {@link status} found. */
export interface StatusRunResult extends RunResult {
  report: StatusReport;
}

/**
 * The translation status of a content tree (up to date, stale, untranslated, missing, orphan,
 * unknown per guide and locale) — the whole of `guidekit-i18n status` but printing.
 *
 * @param root The content root (absolute, or relative to `options.cwd`).
 * @param options Locales, configuration file, cache, history, `withText` for the dashboard.
 * @returns Configuration errors, if any, and the report.
 */
export async function status(
  root: string,
  options: RunOptions & { withText?: boolean | undefined } = {},
): Promise<{ diagnostics: Diagnostic[]; result: StatusRunResult }> {
  const { content, base, configErrors } = await loadRun(root, options);
  const report = computeStatus(content, {
    sourceLocale: base.sourceLocale,
    targetLocales: base.targetLocales,
    history: options.history,
    withText: options.withText,
  });
  return { diagnostics: configErrors, result: { ...base, report } };
}
