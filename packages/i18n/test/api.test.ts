import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "acknowledgeText",
      "alignGuides",
      "computeStamp",
      "computeStatus",
      "defineRule",
      "describeState",
      "docOf",
      "extractNumbers",
      "gitHistory",
      "groupsOf",
      "guideBaseline",
      "historyBaseline",
      "lintContent",
      "lintPair",
      "lintTranslations",
      "localeMatches",
      "localesOf",
      "normaliseUrl",
      "renderStatusHtml",
      "rules",
      "scaffold",
      "sliceLines",
      "staleUnits",
      "stampBaseline",
      "stampLines",
      "stampText",
      "unitsOf",
      "writeStamp",
    ]
  `);
});
