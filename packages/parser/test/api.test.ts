import { expect, test } from 'vitest';

test('public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_MAX_BYTES",
      "DEFAULT_MAX_DEPTH",
      "collapseWhitespace",
      "defaultKeywords",
      "foldKeyword",
      "hashBlocks",
      "hashGuide",
      "hashSection",
      "hashStep",
      "hashText",
      "keywordMatcher",
      "matchStepHeading",
      "normalizeForHash",
      "parseGuide",
      "parserRules",
      "toPlainText",
    ]
  `);
});
