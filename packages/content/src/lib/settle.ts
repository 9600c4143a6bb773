import path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { CONFIG_RULE_ID } from './config.js';
import { applyInlineDirectives } from './directives.js';
import { applyRuleSettings, type RuleSettings } from './rule-settings.js';

/** What {@link settleDiagnostics} needs to know about the tree the diagnostics came from. */
export interface SettleContext {
  /** Absolute content root: diagnostics' `file` (and `related.file`) are relative to it. */
  root: string;
  /** The configuration's `rules` and `overrides`. */
  settings: RuleSettings;
  /** A file's text by its path relative to `root` (the loaded tree's `readSource`). */
  readSource: (file: string) => string | undefined;
}

/**
 * What every run function (`check`, `lint`, `publish`) does to the diagnostics it found, once and
 * in one order: the configured levels and per-path overrides (one vocabulary, see
 * `rule-settings.ts`), then the inline `guidekit-disable` comments of each file, then paths made
 * absolute so any caller prints them relative to its own folder. `config/invalid` is never
 * remapped or silenced: a broken configuration cannot switch its own errors off.
 *
 * @param diagnostics As the stages made them, `file` relative to the root (not mutated).
 * @param context Root, settings, sources.
 * @returns The diagnostics to report, same order, `file` and `related.file` absolute.
 */
export function settleDiagnostics(diagnostics: readonly Diagnostic[], context: SettleContext): Diagnostic[] {
  const config = diagnostics.filter((d) => d.ruleId === CONFIG_RULE_ID);
  const rest = diagnostics.filter((d) => d.ruleId !== CONFIG_RULE_ID);
  const configured = applyRuleSettings(rest, context.settings);
  const kept = applyInlineDirectives(configured, context.readSource);
  return [...config, ...kept].map((d) => ({
    ...d,
    file: d.file === '' ? '' : path.resolve(context.root, d.file),
    ...(d.related ? { related: { ...d.related, file: path.resolve(context.root, d.related.file) } } : {}),
  }));
}
