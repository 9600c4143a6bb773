/**
 * Code-unit order, for identifiers (paths, slugs, locale tags, rule ids, ISO dates): the same on
 * every machine, whatever its `LANG` or ICU data. `localeCompare` without a locale follows the
 * machine, so the same content would sort, print and hash differently elsewhere (and a build on
 * another machine would rewrite pages for nothing). Text a reader sees sorted wants a collator for
 * its own language instead (`Intl.Collator(locale)`).
 *
 * @param a A string.
 * @param b Another string.
 * @returns Negative, zero or positive, for `Array.prototype.sort`.
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
