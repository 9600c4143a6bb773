import path from 'node:path';

/**
 * The path to print for a diagnostic's file: relative to `cwd` when absolute, POSIX slashes
 * always, so output is the same on every platform.
 *
 * @param file The diagnostic's `file`.
 * @param cwd The directory to print paths relative to.
 * @returns A POSIX path (possibly `''` when `file` is empty).
 */
export function displayPath(file: string, cwd: string): string {
  const rel = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  return rel.split(path.sep).join('/').replaceAll('\\', '/');
}
