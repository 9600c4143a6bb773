import { defineFormat } from '../format.js';
import type { GuideInput } from '../format.js';
import { loadRender, siteInfo } from './shared.js';

/** schema.org JSON-LD per guide (`jsonld/<locale>/<slug>.json`): `HowTo`, or `TechArticle` for articles. */
export const jsonld = defineFormat({
  name: 'jsonld',
  description: 'schema.org HowTo / TechArticle JSON-LD per guide',
  version: '1',
  dependsOn: 'guide',
  async render(input, ctx) {
    const { guide } = input as GuideInput;
    const { renderJsonLd } = await loadRender();
    const data = renderJsonLd(guide, { site: siteInfo(ctx) });
    return [{ path: `jsonld/${guide.locale}/${guide.slug}.json`, data: `${JSON.stringify(data, null, 2)}\n` }];
  },
});
