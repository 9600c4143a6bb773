import type { FormatName } from '@guidekit/render';
import { defineFormat } from '../format.js';
import type { GuideInput } from '../format.js';
import { loadRender } from './shared.js';

const LISTED: readonly FormatName[] = ['html', 'single', 'json', 'md', 'jsonld'];

/** `build({ formatOptions: { json } })`: part of every JSON unit's key, so changing it writes again. */
export interface JsonFormatOptions {
  /** Spaces of indentation; 0 (the default) writes compact JSON, about a third of the bytes. */
  indent?: number;
}

/**
 * JSON: `json/<locale>/<slug>.json` per guide (the `Guide`, valid against `guide.schema.json`)
 * and `json/index.json`, which lists every guide and where each built format put it.
 */
export const json = defineFormat({
  name: 'json',
  description: 'JSON: one Guide per file and an index of every guide',
  // 2: compact by default.
  version: '2',
  dependsOn: 'guide',
  // The index lists the files of the formats built alongside: a different set is a new index.
  inputs: (input, ctx) => (input.kind === 'site' ? ctx.formats : null),
  async render(input, ctx) {
    const { guide, json: text } = input as GuideInput;
    const options = ctx.options as JsonFormatOptions;
    const path = `json/${guide.locale}/${guide.slug}.json`;
    // Compact JSON is the text the guide arrived as, when it came as text (on a render thread).
    if (text !== undefined && !(typeof options.indent === 'number' && options.indent > 0)) return [{ path, data: `${text}\n` }];
    const { renderJson } = await loadRender();
    return [{ path, data: renderJson(guide, options) }];
  },
  async renderIndex(input, ctx) {
    const { renderJsonIndex } = await loadRender();
    const formats = LISTED.filter((f) => ctx.formats.includes(f));
    return [{ path: 'json/index.json', data: renderJsonIndex(input.guides, { ...(ctx.options as JsonFormatOptions), formats }) }];
  },
});
