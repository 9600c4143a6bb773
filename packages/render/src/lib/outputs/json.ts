import type { FormatName } from '../context.js';
import { defineFormat } from '../format.js';
import { guidePath } from './shared.js';

const LISTED: readonly FormatName[] = ['html', 'single', 'json', 'md', 'jsonld'];
const path = guidePath('json', '.json');

/** `publish({ formatOptions: { json } })`: part of every JSON unit's key, so changing it writes again. */
export interface JsonFormatOptions {
  /** Spaces of indentation; 0 (the default) writes compact JSON, about a third of the bytes. */
  indent?: number;
}

/**
 * JSON: `json/<locale>/<slug>.json` per guide (the `Guide`, valid against `guide.schema.json`)
 * and `json/index.json`, which lists every guide and where each built format put it.
 */
export const json = defineFormat({
  id: 'json',
  description: 'JSON: one Guide per file and an index of every guide',
  // 2: compact by default.
  version: '2',
  byDefault: true,
  dependsOn: [],
  path,
  // The index lists the files of the formats built alongside: a different set is a new index.
  inputs: (input, ctx) => (input.kind === 'site' ? ctx.formats : null),
  async render({ guide }, ctx) {
    const { renderJson } = await import('../formats/json.js');
    return [{ path: path(guide), data: renderJson(guide, ctx.options as JsonFormatOptions) }];
  },
  async renderIndex(input, ctx) {
    const { renderJsonIndex } = await import('../formats/json.js');
    const formats = LISTED.filter((f) => ctx.formats.includes(f));
    return [
      {
        path: 'json/index.json',
        data: renderJsonIndex(input.guides, { ...(ctx.options as JsonFormatOptions), formats }),
      },
    ];
  },
});
