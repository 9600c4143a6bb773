import { statSync } from 'node:fs';
import path from 'node:path';
import { ContentRootError, loadConfig, loadContent, resolveConfigPath, type LoadedContent } from '@guidekit/content';
import type { Diagnostic } from '@guidekit/model';
import { UsageError } from './usage.js';

/** Options every command that reads a content tree takes. */
export interface ContentOptions {
  /** Content root; default: `contentRoot` of the configuration found from `cwd`, else `content`. */
  root?: string | undefined;
  /** Folder paths are resolved and printed against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** An explicit `guidekit.config.json`. */
  config?: string | undefined;
  /** `false` skips the parse cache. */
  cache?: boolean | undefined;
}

/** A loaded tree, or the configuration errors that stopped the load. */
export type Loaded = { content: LoadedContent; cwd: string; configErrors?: undefined } | { content?: undefined; cwd: string; configErrors: Diagnostic[] };

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Load the content tree a command works on, turning caller mistakes into `UsageError`s.
 *
 * @throws {UsageError} When the configuration file or the root does not exist.
 */
export async function loadFor(options: ContentOptions, command: string): Promise<Loaded> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const configFile = options.config === undefined ? undefined : path.resolve(cwd, options.config);
  if (configFile !== undefined && !isFile(configFile)) {
    throw new UsageError(`Configuration file \`${options.config}\` not found, expected an existing guidekit.config.json`);
  }
  let root = options.root;
  if (root === undefined) {
    const { config, diagnostics } = await loadConfig(cwd, { configFile, cwd });
    if (diagnostics.length > 0) return { cwd, configErrors: diagnostics.map((d) => ({ ...d, file: path.resolve(cwd, d.file) })) };
    root = config.configFile ? resolveConfigPath(config, config.contentRoot) : path.resolve(cwd, 'content');
  }
  try {
    const content = await loadContent(root, { cwd, config: configFile, cache: options.cache ?? true });
    const configErrors = content.diagnostics.filter((d) => d.ruleId === 'config/invalid');
    if (configErrors.length > 0) return { cwd, configErrors: configErrors.map((d) => ({ ...d, file: path.resolve(content.root, d.file) })) };
    return { content, cwd };
  } catch (error) {
    if (error instanceof ContentRootError) {
      throw new UsageError(`Content root \`${root}\` is not a folder, expected a folder of guides: \`guidekit-i18n ${command} <root>\``);
    }
    throw error;
  }
}

/** A locale flag value, checked. */
export function checkLocale(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(value)) {
    throw new UsageError(`Unexpected ${flag} \`${value}\`, expected a language tag such as \`fr\` or \`en-US\``);
  }
  return value;
}

/** POSIX form of a relative path. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
