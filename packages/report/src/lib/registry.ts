import { github } from './reporters/github.js';
import { json } from './reporters/json.js';
import { sarif } from './reporters/sarif.js';
import { stylish } from './reporters/stylish.js';
import type { Reporter } from './types.js';

/**
 * Every reporter by name. Adding one is its file under `reporters/` plus one line here.
 * Frozen, so a caller cannot swap a reporter for everyone.
 */
export const reporters: Readonly<Record<string, Reporter>> = Object.freeze({
  stylish,
  json,
  sarif,
  github,
});

/** Reporter names, the default (`stylish`) first: for `--reporter` help and error messages. */
export const reporterNames: readonly string[] = Object.freeze(Object.keys(reporters));

/** The name of the reporter used when none is asked for. */
export const defaultReporterName = 'stylish';

/**
 * Look a reporter up by name.
 *
 * @param name A reporter name such as `sarif` (from `--reporter`).
 * @returns The reporter, or `undefined` for an unknown name so a CLI can exit 2 with a sentence.
 */
export function getReporter(name: string): Reporter | undefined {
  return Object.hasOwn(reporters, name) ? reporters[name] : undefined;
}
