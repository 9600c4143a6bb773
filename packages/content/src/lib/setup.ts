import { statSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic, type Diagnostic } from '@guidekit/model';
import { CONFIG_RULE_ID, loadConfig, resolveConfigPath, type ResolvedConfig } from './config.js';
import { findStaticDir } from './images.js';
import { mergeLocaleAliases } from './locale.js';

/** A content root that does not exist or is not a folder: a caller error. */
export class ContentRootError extends Error {
  override name = 'ContentRootError';
}

/** Inputs of {@link setUpLoad}. */
export interface SetupOptions {
  /** An explicit configuration file, or a configuration object used as is. */
  config?: string | ResolvedConfig | undefined;
  /** Where config lookup stops. Default `process.cwd()`. */
  cwd?: string | undefined;
}

/** Everything the later stages need to know of the site before reading a guide. */
export interface LoadSetup {
  /** Absolute working directory. */
  cwd: string;
  /** Absolute content root. */
  root: string;
  config: ResolvedConfig;
  /** Merged locale alias table. */
  aliases: Readonly<Record<string, string>>;
  /** Absolute static folder, or `null` when there is none. */
  staticDir: string | null;
  /** The static folders looked for when none exists (for the message that says so). */
  staticCandidates: string[];
  /** Absolute folders never entered: the static folder and the output folder. */
  exclude: string[];
  /** Configuration diagnostics. */
  diagnostics: Diagnostic[];
}

/**
 * The setup stage: the root checked, the configuration loaded (or taken as given), the static
 * and output folders found.
 *
 * @param root The content root (absolute or relative to `cwd`).
 * @param options Configuration and working directory.
 * @returns The setup.
 * @throws {ContentRootError} When `root` is not an existing folder.
 */
export async function setUpLoad(root: string, options: SetupOptions = {}): Promise<LoadSetup> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const absRoot = path.resolve(cwd, root);
  if (!isDirectory(absRoot)) {
    throw new ContentRootError(`Content root \`${root}\` is not a folder, expected a folder of guides`);
  }
  const diagnostics: Diagnostic[] = [];
  let config: ResolvedConfig;
  if (options.config !== undefined && typeof options.config !== 'string') {
    config = options.config;
  } else {
    const loaded = await loadConfig(absRoot, { configFile: options.config, cwd });
    config = loaded.config;
    diagnostics.push(...loaded.diagnostics);
  }
  const { dir: staticDir, candidates } = findStaticDir(absRoot, config);
  if (config.staticDir && !staticDir) {
    diagnostics.push(
      createDiagnostic({
        file: config.configFile ? toPosix(path.relative(absRoot, config.configFile)) : '.',
        ruleId: CONFIG_RULE_ID,
        message: `Unexpected \`staticDir\` \`${config.staticDir}\`: no such folder, expected an existing folder of images`,
      }),
    );
  }
  const exclude = [...(staticDir ? [staticDir] : []), ...(config.out ? [resolveConfigPath(config, config.out)] : [])];
  return { cwd, root: absRoot, config, aliases: mergeLocaleAliases(config.localeAliases), staticDir, staticCandidates: candidates, exclude, diagnostics };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
