import { defineFormat } from '../format.js';
import { guidePath, siteInfo } from './shared.js';

const path = guidePath('jsonld', '.json');

/** schema.org JSON-LD per guide (`jsonld/<locale>/<slug>.json`): `HowTo`, or `TechArticle` for articles. */
export const jsonld = defineFormat({
  id: 'jsonld',
  description: 'schema.org HowTo / TechArticle JSON-LD per guide',
  version: '1',
  byDefault: true,
  dependsOn: [],
  path,
  async render({ guide }, ctx) {
    const { renderJsonLd } = await import('../formats/jsonld.js');
    return [
      {
        path: path(guide),
        data: `${JSON.stringify(renderJsonLd(guide, { site: siteInfo(ctx) }), null, 2)}\n`,
      },
    ];
  },
});
