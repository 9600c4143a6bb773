import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "EXIT",
      "UsageError",
      "createProgram",
      "formatStatusTable",
      "main",
      "runAck",
      "runLint",
      "runScaffold",
      "runStamp",
      "runStatus",
    ]
  `);
});
