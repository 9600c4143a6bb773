import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { ChromiumNotFoundError } from './errors.js';

/** Well-known absolute locations, tried in order after `GUIDEKIT_CHROMIUM`. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/usr/local/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Executable names looked up on `PATH` when no well-known location exists. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/**
 * Whether `file` is a regular file we may execute. Kept tiny and injectable so tests can
 * run the search against a fake file system.
 */
export type IsExecutable = (file: string) => boolean;

const isExecutableOnDisk: IsExecutable = (file) => {
  try {
    if (!statSync(file).isFile()) return false;
    // Windows has no X bit; existence is the best we can check there.
    if (process.platform !== 'win32') accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Find an installed Chromium or Chrome. Never downloads one.
 *
 * Order: `GUIDEKIT_CHROMIUM` (when set it must work: a wrong value is reported rather than
 * silently ignored), then {@link CHROMIUM_CANDIDATES}, then the usual names on `PATH`.
 *
 * @param env Environment to read (`GUIDEKIT_CHROMIUM`, `PATH`); defaults to `process.env`.
 * @param isExecutable File check, injectable for tests.
 * @returns Absolute path of the executable.
 * @throws {ChromiumNotFoundError} when nothing usable is found; its message says how to get one.
 */
export function findChromium(
  env: Readonly<Record<string, string | undefined>> = process.env,
  isExecutable: IsExecutable = isExecutableOnDisk,
): string {
  const tried: string[] = [];
  const fromEnv = env.GUIDEKIT_CHROMIUM?.trim();
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(
      [fromEnv],
      `GUIDEKIT_CHROMIUM is set to ${fromEnv}, which is not an executable file, expected the path of a Chromium or Chrome executable.`,
    );
  }
  for (const candidate of CHROMIUM_CANDIDATES) {
    tried.push(candidate);
    if (isExecutable(candidate)) return candidate;
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    for (const name of PATH_NAMES) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  if (dirs.length > 0) tried.push(`${PATH_NAMES.join('/')} on PATH`);
  throw new ChromiumNotFoundError(tried);
}
