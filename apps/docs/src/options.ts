import { isSiteUrl } from '@guidekit/content';
import { InvalidArgumentError } from 'commander';

/**
 * A commander parser for a whole-number option: a bad value is reported as typed
 * (`argument 'two' is invalid. expected …`, exit 2), never let through as `NaN`.
 *
 * @param min Smallest value accepted.
 * @param expected What the message says is expected ("a whole number …").
 * @param max Largest value accepted.
 */
export function wholeNumberOption(min: number, expected: string, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected ${expected}`);
    return n;
  };
}

/**
 * A commander parser for `--site-url`: an absolute `http(s)://` URL, refused as typed otherwise
 * (`argument '/docs' is invalid. expected …`, exit 2), with the rule the configuration's
 * `site.url` follows.
 */
export function siteUrlOption(value: string): string {
  if (!isSiteUrl(value)) throw new InvalidArgumentError('expected an absolute http:// or https:// URL such as https://example.org/docs/');
  return value;
}

/** A commander parser for `--site-title`: any text with something other than spaces in it. */
export function siteTitleOption(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected the name of the site');
  return value.trim();
}
