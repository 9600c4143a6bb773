import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "VIRTUAL_ID",
      "VIRTUAL_LAZY_ID",
      "ambientTypes",
      "dataTypesBody",
      "generateDataModules",
      "guideModuleCode",
      "guideModuleEntries",
      "guideModuleTypes",
      "guidekit",
      "indexModuleCode",
      "lazyModuleCode",
      "loadGuideSet",
      "parseOneGuide",
    ]
  `);
});
