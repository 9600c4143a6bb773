import { describe, expect, it } from 'vitest';

describe('@guidekit/report public API', () => {
  it('pins its exports', async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
      [
        "FINGERPRINT_KEY",
        "RULE_DOCS_BASE",
        "defaultReporterName",
        "exitCodeFor",
        "getReporter",
        "github",
        "json",
        "report",
        "reporterNames",
        "reporters",
        "ruleUrl",
        "sarif",
        "stylish",
        "summarize",
      ]
    `);
  });
});
