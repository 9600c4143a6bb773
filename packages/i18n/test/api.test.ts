import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "ack",
      "acknowledgeText",
      "alignGuides",
      "codeTokens",
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
      "lint",
      "lintContent",
      "lintPair",
      "lintTranslations",
      "localeMatches",
      "localesOf",
      "normaliseUrl",
      "preferFastTokenizer",
      "renderStatusHtml",
      "rules",
      "scaffold",
      "scaffoldRun",
      "scaffoldText",
      "sliceLines",
      "staleUnits",
      "stamp",
      "stampBaseline",
      "stampLines",
      "stampText",
      "status",
      "unitsOf",
      "writeStamp",
    ]
  `);
});
