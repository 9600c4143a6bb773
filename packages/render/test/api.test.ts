import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "CODE_THEME",
      "CSP",
      "DEFAULT_FORMATS",
      "FormatUnavailableError",
      "MAX_INLINE_BYTES",
      "PAGES_PER_BUNDLE",
      "SITE_CSP",
      "SearchPrefetch",
      "buildSearchIndex",
      "componentRegistry",
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
      "guideTypeLines",
      "imageDataUri",
      "imageInfoFromBytes",
      "indexModuleCode",
      "lazyModuleCode",
      "meaninglessAlt",
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

it('pins the format registry entry (@guidekit/render/formats): one list, unique ids', async () => {
  const entry = await import('../src/formats.js');
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_FORMATS",
      "FormatUnavailableError",
      "dataIndexFiles",
      "dataTypesBody",
      "defineFormat",
      "formats",
      "generateDataModules",
      "guideModuleCode",
      "guideModuleEntries",
      "guideModulePath",
      "guideModuleTypes",
      "guideTypeLines",
      "indexModuleCode",
      "lazyModuleCode",
    ]
  `);
  // One registry: the main entry exports the very same list.
  expect((await import('../src/index.js')).formats).toBe(entry.formats);
  expect(entry.formats.map((f) => f.id)).toEqual(['html', 'single', 'json', 'md', 'jsonld', 'data', 'pdf']);
  expect(new Set(entry.formats.map((f) => f.id)).size).toBe(entry.formats.length);
});
