import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "CODE_THEME",
      "CSP",
      "DEFAULT_FORMATS",
      "FormatUnavailableError",
      "MAX_INLINE_BYTES",
      "createAssetReader",
      "createImageInfo",
      "dataIndexFiles",
      "dataTypesBody",
      "defaultHrefFor",
      "defineFormat",
      "formats",
      "generateDataModules",
      "guideModuleCode",
      "guideModuleEntries",
      "guideModulePath",
      "guideModuleTypes",
      "imageDataUri",
      "imageInfoFromBytes",
      "indexModuleCode",
      "lazyModuleCode",
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
