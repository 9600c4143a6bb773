/** What {@link shouldColor} looks at besides the flag: a stream and an environment. */
export interface ColorContext {
  /** The stream the coloured text goes to (`isTTY` is read). */
  stream?: { isTTY?: boolean } | undefined;
  /** Environment variables (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * Whether to print ANSI colours, in the order people expect: `--color` / `--no-color` first, then
 * `FORCE_COLOR` (force-color.org: set and not `0`/`false` forces colour, `0`/`false` turns it
 * off), then `NO_COLOR` (no-color.org: set and not empty turns it off), then whether the stream
 * is a terminal (and `TERM` is not `dumb`).
 *
 * @param flag The value of `--color` (`true`), `--no-color` (`false`), or `undefined` when neither was given.
 * @param context The output stream and environment.
 * @returns Whether to colour.
 */
export function shouldColor(flag: boolean | undefined, context: ColorContext = {}): boolean {
  if (flag !== undefined) return flag;
  const env = context.env ?? process.env;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return context.stream?.isTTY === true && env['TERM'] !== 'dumb';
}
