import type { Diagnostic, Severity } from '@guidekit/model';
import picomatch from 'picomatch';
import { z } from 'zod';

/**
 * The one reading of rule settings for every guidekit tool (`check`, `build`, the i18n lint and
 * the reporters): the severity words, per-rule options and per-path overrides, as eslint and
 * markdownlint write them.
 */

/** A rule's level as written: ESLint's words and numbers. */
export type RuleLevel = 'off' | 'warn' | 'error' | 0 | 1 | 2;

/** A rule's setting as written: a level, or `[level, options]`. */
export type RuleEntry = RuleLevel | readonly [RuleLevel] | readonly [RuleLevel, Readonly<Record<string, unknown>>];

/** Settings for some files only (`files` are globs relative to the content root). */
export interface RuleOverride {
  files: string | readonly string[];
  /** Files matching these globs are left out even when `files` matches. */
  excludedFiles?: string | readonly string[] | undefined;
  rules: Readonly<Record<string, RuleEntry>>;
}

/** Everything that decides how a rule runs: the `rules` and `overrides` of the configuration. */
export interface RuleSettings {
  rules?: Readonly<Record<string, RuleEntry>> | undefined;
  overrides?: readonly RuleOverride[] | undefined;
}

/** How one rule runs on one file. */
export interface ResolvedRule {
  /** `undefined` when the rule is off. */
  severity: Severity | undefined;
  /** The options of the last setting that gave some (overrides win over `rules`). */
  options: Readonly<Record<string, unknown>>;
}

const LEVELS = new Map<unknown, Severity | undefined>([
  ['off', undefined],
  [0, undefined],
  ['warn', 'warning'],
  [1, 'warning'],
  ['error', 'error'],
  [2, 'error'],
]);

/** A level as the configuration schema checks it (a typo is a positioned `config/invalid` error). */
export const RuleLevelSchema = z.union([z.enum(['off', 'warn', 'error']), z.literal(0), z.literal(1), z.literal(2)]);

/** A rule's setting: a level, or `[level]`, or `[level, { ...options }]`. */
export const RuleEntrySchema = z.union(
  [RuleLevelSchema, z.tuple([RuleLevelSchema]), z.tuple([RuleLevelSchema, z.record(z.string(), z.unknown())])],
  { error: 'expected off, warn, error, 0, 1, 2, or [level, { ...options }]' },
);

const globs = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** `overrides: [{ files, excludedFiles?, rules }]`. */
export const RuleOverridesSchema = z.array(
  z.strictObject({
    files: globs,
    excludedFiles: globs.optional(),
    rules: z.record(z.string().min(1), RuleEntrySchema),
  }),
);

/**
 * Whether a written level is one of the vocabulary (`off|warn|error|0|1|2`).
 *
 * @param value Anything read from a configuration.
 * @returns `true` for a valid level.
 */
export function isRuleLevel(value: unknown): value is RuleLevel {
  return LEVELS.has(value);
}

/**
 * The severity a level stands for.
 *
 * @param level A valid level.
 * @returns `undefined` for `off`/`0`, else `warning` or `error`.
 * @throws TypeError on a level outside the vocabulary (the configuration was not validated:
 *   a programmer error; validated configurations report a typo as `config/invalid`).
 */
export function severityOfLevel(level: RuleLevel): Severity | undefined {
  if (!LEVELS.has(level)) throw new TypeError(`Unexpected rule level ${JSON.stringify(level)}, expected off, warn, error, 0, 1 or 2`);
  return LEVELS.get(level);
}

/** Whether `written` (a full id, or an id without its `package/` prefix) names `ruleId`. */
export function ruleIdMatches(written: string, ruleId: string): boolean {
  if (written === ruleId) return true;
  const slash = ruleId.indexOf('/');
  return slash !== -1 && ruleId.slice(slash + 1) === written;
}

/** The entry for `ruleId` in one `rules` table: the full id wins over the short one. */
function entryFor(rules: Readonly<Record<string, RuleEntry>> | undefined, ruleId: string): RuleEntry | undefined {
  if (!rules) return undefined;
  if (Object.hasOwn(rules, ruleId)) return rules[ruleId];
  const short = ruleId.slice(ruleId.indexOf('/') + 1);
  return Object.hasOwn(rules, short) ? rules[short] : undefined;
}

const matchers = new Map<string, (file: string) => boolean>();

function matcherOf(patterns: string | readonly string[]): (file: string) => boolean {
  const list = typeof patterns === 'string' ? [patterns] : [...patterns];
  const key = list.join('\0');
  let match = matchers.get(key);
  if (!match) {
    // `matchBase`-like behaviour for globs without a slash (`*.mdx` matches `guides/x.mdx`), as eslint does.
    const compiled = list.map((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') }));
    match = (file) => compiled.some((test) => test(file));
    matchers.set(key, match);
  }
  return match;
}

/**
 * Whether an override applies to a file.
 *
 * @param override One entry of `overrides`.
 * @param file The file's path relative to the content root, POSIX separators.
 */
export function overrideApplies(override: RuleOverride, file: string): boolean {
  const path = file.replace(/\\/g, '/').replace(/^\.\//, '');
  if (!matcherOf(override.files)(path)) return false;
  return !(override.excludedFiles && matcherOf(override.excludedFiles)(path));
}

/**
 * How a rule runs on a file: `rules` first, then every override whose `files` match, in order
 * (the last wins, as in eslint). An entry's options replace earlier options; a bare level keeps
 * them.
 *
 * @param settings The configuration's `rules` and `overrides`.
 * @param ruleId The rule's full id (`i18n/code-mismatch`); settings may omit the prefix.
 * @param defaultSeverity The rule's own severity when nothing is configured.
 * @param file The file the diagnostic is about (relative to the content root); without it,
 *   overrides are ignored.
 * @returns The severity (`undefined` when off) and options.
 */
export function resolveRule(settings: RuleSettings, ruleId: string, defaultSeverity: Severity, file?: string): ResolvedRule {
  let severity: Severity | undefined = defaultSeverity;
  let options: Readonly<Record<string, unknown>> = {};
  const apply = (entry: RuleEntry | undefined) => {
    if (entry === undefined) return;
    const [level, given] = Array.isArray(entry) ? (entry as readonly [RuleLevel, Record<string, unknown>?]) : [entry as RuleLevel];
    severity = severityOfLevel(level);
    if (given) options = given;
  };
  apply(entryFor(settings.rules, ruleId));
  if (file !== undefined) {
    for (const override of settings.overrides ?? []) if (overrideApplies(override, file)) apply(entryFor(override.rules, ruleId));
  }
  return { severity, options };
}

/**
 * Apply the configured settings to diagnostics already made: `off` drops a rule's diagnostics
 * on that file, a level sets their severity; rules not configured keep the severity their rule
 * gave. Overrides apply by the diagnostic's `file`.
 *
 * @param diagnostics Diagnostics to remap (not mutated).
 * @param settings The configuration's `rules` and `overrides`.
 * @returns The kept diagnostics, in the same order.
 * @throws TypeError on a level outside the vocabulary (an unvalidated configuration).
 */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], settings: RuleSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const { severity } = resolveRule(settings, d.ruleId, d.severity, d.file);
    if (severity === undefined) continue;
    out.push(severity === d.severity ? d : { ...d, severity });
  }
  return out;
}
