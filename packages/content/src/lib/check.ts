import path from 'node:path';
import { byCodeUnit, type Diagnostic } from '@guidekit/model';
import { CONFIG_RULE_ID, type ResolvedConfig } from './config.js';
import { loadContent, type LoadProgress } from './load.js';
import { settleDiagnostics } from './settle.js';
import type { LoadedContent } from './loaded.js';

/** Options of {@link check}. */
export interface CheckOptions {
  /** An explicit `guidekit.config.json` / `.mjs` (`--config`); default: looked up from the root. */
  config?: string | undefined;
  /** `false` parses every file again; a string is the cache folder. Default: the usual cache. */
  cache?: boolean | string | undefined;
  /** Where the configuration lookup stops and the cache falls back to. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Called as files get parsed (a CLI draws progress from it). */
  onProgress?: ((progress: LoadProgress) => void) | undefined;
}

/** What {@link check} found besides its diagnostics. */
export interface CheckResult {
  /** Absolute content root. */
  root: string;
  /** The configuration the tree was checked with. */
  config: ResolvedConfig;
  /** `true` when the configuration did not validate: the run cannot be trusted (a CLI exits 2). */
  configInvalid: boolean;
  /** Guide files loaded. */
  guides: number;
  /** Locales found (or configured), sorted. */
  locales: string[];
  /** A file's text by its absolute path, as the check read it (for reporters that hash lines). */
  readSource: (file: string) => string | undefined;
  /** What loading cost: files parsed, taken from the cache, timings (the loader's own stats). */
  stats: LoadedContent['stats'];
}

/**
 * Check a content tree: parse every guide, pair translations, resolve images, then apply the
 * configuration's rule levels and overrides and the inline `guidekit-disable` comments — the
 * whole of `guidekit-docs check` but printing. Never prints, never exits.
 *
 * @param root The content root (absolute, or relative to `cwd`).
 * @param options Configuration file, cache, progress.
 * @returns The diagnostics to report (`file` absolute, configured severities) and what was checked.
 * @throws {ContentRootError} When `root` is not an existing folder (a CLI turns it into a usage error).
 */
export async function check(root: string, options: CheckOptions = {}): Promise<{ diagnostics: Diagnostic[]; result: CheckResult }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const content = await loadContent(path.resolve(cwd, root), {
    cwd,
    config: options.config === undefined ? undefined : path.resolve(cwd, options.config),
    cache: options.cache ?? true,
    onProgress: options.onProgress,
  });
  const readRelative = (file: string) => content.readSource(file);
  const diagnostics = settleDiagnostics(content.diagnostics, { root: content.root, settings: content.config, readSource: readRelative });
  const locales = [...new Set(content.outlines.map((guide) => guide.locale))].sort(byCodeUnit);
  return {
    diagnostics,
    result: {
      root: content.root,
      config: content.config,
      configInvalid: diagnostics.some((d) => d.ruleId === CONFIG_RULE_ID),
      guides: content.outlines.length,
      locales,
      readSource: (file) => content.readSource(path.relative(content.root, file).split(path.sep).join('/')),
      stats: content.stats,
    },
  };
}
