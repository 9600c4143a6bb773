import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "CODE_THEME",
      "CSP",
      "MAX_INLINE_BYTES",
      "createAssetReader",
      "createImageInfo",
      "defaultHrefFor",
      "formats",
      "getFormat",
      "imageDataUri",
      "imageInfoFromBytes",
      "prerequisiteKind",
      "renderHomePage",
      "renderHtml",
      "renderJson",
      "renderJsonIndex",
      "renderJsonLd",
      "renderLocaleIndex",
      "renderMarkdown",
      "renderPrintHtml",
      "renderSingleHtml",
      "renderSitemap",
      "resolveAssetPath",
      "sanitizeSchema",
    ]
  `);
});
