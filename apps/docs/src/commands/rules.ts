import { addRulesCommand, type Cli, type RuleListing } from '@guidekit/cli-kit';
import type { Severity } from '@guidekit/model';
import { parserRules } from '@guidekit/parser';
import { ruleUrl } from '@guidekit/report';

/**
 * What `check` and `build` report besides the parser's own rules (which `parserRules`
 * documents): loading a tree, the configuration, rendering, PDF and publishing. A test scans the
 * packages' sources so an id added there and missing here fails.
 */
const PIPELINE_RULES: ReadonlyArray<readonly [string, Severity, string]> = [
  ['config/invalid', 'error', 'guidekit.config.json (or .mjs) is valid: known keys, right types, at the offending key.'],
  ['content/duplicate-slug', 'error', 'Two guides of one locale do not share a slug.'],
  ['content/invalid-locale', 'error', 'A locale given in front matter or a folder name is a BCP 47 tag.'],
  ['content/missing-image', 'error', 'Every image a guide shows exists in the static folder.'],
  ['content/missing-translation', 'warning', 'Every source guide has a translation in each locale of the site.'],
  ['content/no-static-dir', 'info', 'A tree whose guides show images has a static folder (one note, not one per image).'],
  ['content/orphan-translation', 'error', 'Every translation has a source guide of the same slug.'],
  ['content/parse-failed', 'error', 'The parser does not crash on a guide file.'],
  ['content/unreadable', 'error', 'Every guide file the walk finds can be read (a link to a folder is reported, not dropped).'],
  ['render/alt-text', 'warning', 'Every image has a text alternative.'],
  ['render/asset-invalid', 'warning', 'An image URL can be read as a path.'],
  ['render/asset-not-found', 'warning', 'An image the page shows exists.'],
  ['render/asset-outside-root', 'error', 'An image path stays inside the static folder.'],
  ['render/asset-remote', 'info', 'A remote image is linked, never fetched.'],
  ['render/asset-too-large', 'warning', 'An image inlined into single-file HTML stays under the size limit.'],
  ['render/image-not-inlined', 'warning', 'Single-file HTML inlines every image it can.'],
  ['render/search-index', 'error', 'The site search index can be written.'],
  ['render/unknown-component', 'warning', 'Every MDX component has a renderer (its children are kept otherwise).'],
  ['pdf/chromium-not-found', 'error', 'PDF export finds an installed Chromium (GUIDEKIT_CHROMIUM or the usual paths).'],
  ['pdf/launch-failed', 'error', 'The browser starts.'],
  ['pdf/browser-crashed', 'error', 'The browser does not crash while printing (retried once).'],
  ['pdf/print-failed', 'error', 'A document prints to a complete PDF.'],
  ['pdf/timeout', 'error', 'A document prints within its time budget.'],
  ['pdf/pool-closed', 'error', 'No document is printed after the build stopped.'],
  ['build/duplicate-output', 'warning', 'Two units of the build do not write the same file.'],
  ['build/render-failed', 'error', 'Every unit renders.'],
];

/** Every rule `check` and `build` can report, sorted by id, with its documentation URL. */
export function listRules(): RuleListing[] {
  const parser = parserRules.map((rule) => ({ id: rule.id, severity: rule.meta.defaultSeverity, description: rule.meta.description }));
  const pipeline = PIPELINE_RULES.map(([id, severity, description]) => ({ id, severity, description }));
  return [...parser, ...pipeline].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((rule) => ({ ...rule, url: ruleUrl(rule.id, {}) }));
}

/** Register `rules` (the listing and its `--json` are cli-kit's). */
export function registerRules(cli: Cli): void {
  addRulesCommand(cli, { description: 'list the rules check and build report, with their default severity and documentation', list: listRules });
}
