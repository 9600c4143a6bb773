import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "VIRTUAL_ID",
      "VIRTUAL_LAZY_ID",
      "ambientTypes",
      "dataIndexFiles",
      "dataTypesBody",
      "generateDataModules",
      "guideModuleCode",
      "guideModuleEntries",
      "guideModulePath",
      "guideModuleTypes",
      "guidekit",
      "indexModuleCode",
      "lazyModuleCode",
      "loadGuideSet",
      "parseOneGuide",
    ]
  `);
});
