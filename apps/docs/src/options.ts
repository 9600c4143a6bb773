import { isSiteUrl } from '@guidekit/content';
import { InvalidArgumentError } from 'commander';

// Shared with guidekit-i18n through the CLI kit; re-exported for the commands that import it from here.
export { wholeNumberOption } from '@guidekit/cli-kit';

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
