import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as model from '../src/index.js';
import { GuideSchema, createDiagnostic, guideJsonSchema, sortDiagnostics } from '../src/index.js';

const schemaFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'guide.schema.json');

describe('@guidekit/model', () => {
  it('pins its public API', () => {
    expect(Object.keys(model).sort()).toMatchInlineSnapshot(`
      [
        "BlockSchema",
        "CodeRefSchema",
        "DiagnosticSchema",
        "FrontmatterDateSchema",
        "FrontmatterFieldsSchema",
        "FrontmatterSchema",
        "GuideSchema",
        "ImageRefSchema",
        "KNOWN_FRONTMATTER_KEYS",
        "LinkRefSchema",
        "PointSchema",
        "PositionSchema",
        "PrerequisiteGroupSchema",
        "RelatedLocationSchema",
        "SectionKindSchema",
        "SectionSchema",
        "SeveritySchema",
        "SourceLinkSchema",
        "StepSchema",
        "TranslationStampSchema",
        "UiLabelRefSchema",
        "byCodeUnit",
        "createDiagnostic",
        "frontmatterFieldValidators",
        "frontmatterFieldsType",
        "guideJsonSchema",
        "ruleDocsPath",
        "ruleDocsUrl",
        "sortDiagnostics",
      ]
    `);
  });

  it('guide.schema.json is generated from the zod schema and up to date', () => {
    const expected = `${JSON.stringify(guideJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE || !fs.existsSync(schemaFile)) fs.writeFileSync(schemaFile, expected);
    const actual = fs.readFileSync(schemaFile, 'utf8');
    expect(actual, 'guide.schema.json is stale: run `UPDATE=1 pnpm --filter @guidekit/model test`').toBe(expected);
  });

  it('rejects a guide with a malformed step id', () => {
    const pos = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };
    const guide = {
      slug: 'x', locale: 'fr', path: 'fr/x.md', format: 'md', title: 'X', kind: 'tutorial',
      frontmatter: { extra: {} }, sections: [], prerequisites: [], sources: [], hash: 'h',
      steps: [{ number: 1, label: '1', id: 'one', title: 't', depth: 5, blocks: [], images: [], links: [], code: [], uiLabels: [], hash: 'h', position: pos }],
    };
    expect(GuideSchema.safeParse(guide).success).toBe(false);
    guide.steps[0]!.id = 'step-1';
    expect(GuideSchema.safeParse(guide).success).toBe(true);
  });

  it('creates and sorts diagnostics', () => {
    const b = createDiagnostic({ file: 'a.md', ruleId: 'r', message: 'm', position: { line: 3, column: 2 } });
    const a = createDiagnostic({ file: 'a.md', ruleId: 'r', message: 'm', severity: 'warning', position: { start: { line: 1, column: 1 }, end: { line: 1, column: 5 } } });
    expect(sortDiagnostics([b, a]).map((d) => d.line)).toEqual([1, 3]);
    expect(a).toMatchObject({ endLine: 1, endColumn: 5, severity: 'warning' });
  });

  it('sorts files and rule ids by code unit, the same on every machine (not by locale)', () => {
    const at = (file: string, ruleId = 'r') => createDiagnostic({ file, ruleId, message: 'm', position: { line: 1, column: 1 } });
    // Locale collation would put `b.md` before `C.md` and `é` next to `e`; code units do not.
    const files = ['b.md', 'C.md', 'é.md', 'f.md', 'e-2.md', 'e.md'];
    expect(sortDiagnostics(files.map((f) => at(f))).map((d) => d.file)).toEqual(['C.md', 'b.md', 'e-2.md', 'e.md', 'f.md', 'é.md']);
    expect(sortDiagnostics([at('x.md', 'b/z'), at('x.md', 'B/a'), at('x.md', 'a/y')]).map((d) => d.ruleId)).toEqual(['B/a', 'a/y', 'b/z']);
  });
});
