import { describe, expect, it } from 'vitest';

describe('@guidekit/report public API', () => {
  it('pins its exports', async () => {
    expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
      [
        "FINGERPRINT_KEY",
        "applyInlineDirectives",
        "applySeverities",
        "defaultReporterName",
        "exitCodeFor",
        "getReporter",
        "github",
        "json",
        "parseDirectives",
        "report",
        "reporterNames",
        "reporters",
        "ruleMatches",
        "sarif",
        "stylish",
        "summarize",
      ]
    `);
  });
});
