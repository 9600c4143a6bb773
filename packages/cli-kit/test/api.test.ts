import { describe, expect, it } from 'vitest';

describe('@guidekit/cli-kit public API', () => {
  it('pins its exports', async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
      [
        "EXIT",
        "UsageError",
        "action",
        "addColorOptions",
        "addCommand",
        "addReportOptions",
        "addRulesCommand",
        "checkReporter",
        "createCli",
        "createProgress",
        "deliverReport",
        "formatRuleListing",
        "formatUsageError",
        "isInteractive",
        "listOption",
        "onContentRoot",
        "resolveContentRoot",
        "runCli",
        "shouldColor",
        "wholeNumberOption",
        "writeOutput",
      ]
    `);
  });
});
