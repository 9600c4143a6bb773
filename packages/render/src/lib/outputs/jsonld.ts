import { defineFormat } from '../format.js';
import { encodePath, guidePath, publishedImage, siteInfo } from './shared.js';

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
    // Image URLs name the files the HTML site publishes (`html/_static/…`), relative to its page.
    const assetHref = (url: string): string => {
      const published = publishedImage(url, guide, ctx);
      return published ? `../../${encodePath(published.rel)}` : url;
    };
    return [
      {
        path: path(guide),
        data: `${JSON.stringify(renderJsonLd(guide, { site: siteInfo(ctx), assetHref }), null, 2)}\n`,
      },
    ];
  },
});
