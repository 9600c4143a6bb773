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
        "createCli",
        "createProgress",
        "formatUsageError",
        "isInteractive",
        "listOption",
        "resolveContentRoot",
        "runCli",
        "shouldColor",
        "wholeNumberOption",
      ]
    `);
  });
});
