import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContentRootError, DEFAULT_LOCALE_ALIASES, findConfigFile, loadConfig, localeFromFolder, resolveConfigPath } from '@guidekit/content';
import { UsageError } from './exit.js';

/** What a command was given, to find the content root from. */
export interface ContentRootInput {
  /** Folder paths are resolved against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** The positional content root, when the command takes one and it was given. */
  root?: string | undefined;
  /** Files named on the command line (`stamp content/en/x.md`); the first one decides. */
  files?: readonly string[] | undefined;
  /** An explicit configuration file (`--config`). */
  config?: string | undefined;
}

/**
 * The content root a command works on, found the same way by every command of both CLIs:
 *
 * 1. the root given as an argument;
 * 2. else, when files are given, walking up from the first file to the nearest folder holding a
 *    `guidekit.config.json` (its `contentRoot`) or to the folder above a locale folder
 *    (`content/en/x.md` → `content`), as eslint finds its configuration;
 * 3. else the `contentRoot` of `--config`, or of the `guidekit.config.json` found upward from
 *    the working folder;
 * 4. else `./content`.
 *
 * A configuration that sits inside its content root (`content/guidekit.config.json`, where
 * `contentRoot` would point below itself) stands for its own folder.
 *
 * @param input The working folder, and what the command line gave.
 * @returns The absolute content root (it may not exist: the run function says so).
 * @throws {UsageError} When `--config` names no file.
 */
export async function resolveContentRoot(input: ContentRootInput): Promise<string> {
  const cwd = path.resolve(input.cwd ?? process.cwd());
  if (input.config !== undefined && !isFile(path.resolve(cwd, input.config))) {
    throw new UsageError(`Configuration file \`${input.config}\` not found, expected an existing guidekit.config.json or .mjs file`);
  }
  if (input.root !== undefined) return path.resolve(cwd, input.root);
  const first = input.files?.[0];
  if (first !== undefined && input.config === undefined) {
    const found = await rootAbove(path.dirname(path.resolve(cwd, first)));
    if (found !== undefined) return found;
  }
  const configFile = input.config === undefined ? findConfigFile(cwd, path.parse(cwd).root) : path.resolve(cwd, input.config);
  return configFile === undefined ? path.resolve(cwd, 'content') : rootOfConfig(configFile);
}

/** Walk up from `dir` to a configuration or a locale folder, stopping at the repository's top. */
async function rootAbove(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = path.dirname(current)) {
    const configFile = findConfigFile(current, current);
    if (configFile !== undefined) return rootOfConfig(configFile);
    if (localeFromFolder(path.basename(current), DEFAULT_LOCALE_ALIASES) !== undefined) return path.dirname(current);
    // The repository's top is as far as a project's files reach (findConfigFile stops there too).
    if (path.dirname(current) === current || existsSync(path.join(current, '.git'))) return undefined;
  }
}

/** The content root a configuration file names: its `contentRoot` when that folder exists, else its own folder. */
async function rootOfConfig(configFile: string): Promise<string> {
  const { config } = await loadConfig(path.dirname(configFile), { configFile });
  const named = resolveConfigPath(config, config.contentRoot);
  return isDirectory(named) ? named : path.dirname(configFile);
}

/**
 * Run a run function on a content root, turning "the root is not a folder" into a usage error
 * that says how to call the command.
 *
 * @param root The absolute root.
 * @param command How the command is called, for the message (`guidekit-docs check`).
 * @param cwd The folder the root is shown relative to.
 * @param run The run function's call.
 * @throws {UsageError} When the run function threw `ContentRootError`.
 */
export async function onContentRoot<T>(root: string, command: string, cwd: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ContentRootError)) throw error;
    const shown = path.relative(cwd, root).split(path.sep).join('/') || '.';
    throw new UsageError(`Content root \`${shown}\` is not a folder, expected a folder of guides: \`${command} <root>\``);
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
