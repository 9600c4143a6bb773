import type { FormatName } from '@guidekit/render';
import { defineFormat } from '../format.js';
import type { GuideInput } from '../format.js';
import { loadRender } from './shared.js';

const LISTED: readonly FormatName[] = ['html', 'single', 'json', 'md', 'jsonld'];

/**
 * JSON: `json/<locale>/<slug>.json` per guide (the `Guide`, valid against `guide.schema.json`)
 * and `json/index.json`, which lists every guide and where each built format put it.
 */
export const json = defineFormat({
  name: 'json',
  description: 'JSON: one Guide per file and an index of every guide',
  version: '1',
  dependsOn: 'guide',
  // The index lists the files of the formats built alongside: a different set is a new index.
  inputs: (input, ctx) => (input.kind === 'site' ? ctx.formats : null),
  async render(input) {
    const { guide } = input as GuideInput;
    const { renderJson } = await loadRender();
    return [{ path: `json/${guide.locale}/${guide.slug}.json`, data: renderJson(guide) }];
  },
  async renderIndex(input, ctx) {
    const { renderJsonIndex } = await loadRender();
    const formats = LISTED.filter((f) => ctx.formats.includes(f));
    return [{ path: 'json/index.json', data: renderJsonIndex(input.guides, { formats }) }];
  },
});
