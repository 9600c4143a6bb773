import path from 'node:path';
import type { Diagnostic } from '@guidekit/model';
import { resolveContentRoot, UsageError } from '@guidekit/cli-kit';
import { localeMatches } from '@guidekit/i18n';

/** Options every command that reads a content tree takes. */
export interface ContentOptions {
  /** Content root; default: found from `files`, else from `guidekit.config.json` upward from `cwd`, else `content`. */
  root?: string | undefined;
  /** Folder paths are resolved and printed against. Default `process.cwd()`. */
  cwd?: string | undefined;
  /** An explicit `guidekit.config.json`. */
  config?: string | undefined;
  /** `false` skips the parse cache. */
  cache?: boolean | undefined;
  /** Called as files get parsed (the CLI draws progress on a terminal). */
  onProgress?: ((progress: { done: number; total: number }) => void) | undefined;
}

/** Where a command runs: the working folder and the content root found from the arguments. */
export async function rootFor(options: ContentOptions & { files?: readonly string[] | undefined }): Promise<{ cwd: string; root: string }> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  return { cwd, root: await resolveContentRoot({ cwd, root: options.root, files: options.files, config: options.config }) };
}

/**
 * Check `--source` / `--target` against the locales a run found (`result.locales`).
 *
 * @throws {UsageError} For a locale the tree does not have.
 */
export function checkLocalesIn(found: readonly string[], flags: Record<string, readonly (string | undefined)[]>): void {
  for (const [flag, values] of Object.entries(flags)) {
    for (const value of values) {
      if (value !== undefined && !found.some((locale) => localeMatches(locale, value) || localeMatches(value, locale))) {
        throw new UsageError(`Unexpected ${flag} \`${value}\`, expected one of the locales found: ${found.join(', ')}`);
      }
    }
  }
}

/**
 * A run function's `i18n/run` diagnostics (a file that is no translation of the tree, an existing
 * `--out`…) are about how the command was called: a usage error, exit 2.
 *
 * @throws {UsageError} With the first one's message.
 */
export function throwRunProblems(diagnostics: readonly Diagnostic[]): void {
  const problem = diagnostics.find((d) => d.ruleId === 'i18n/run');
  if (problem) throw new UsageError(problem.message);
}

/** A locale flag value, checked for its shape. */
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
