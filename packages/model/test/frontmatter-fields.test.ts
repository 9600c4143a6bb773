import { describe, expect, it } from 'vitest';
import { FrontmatterDateSchema, FrontmatterFieldsSchema, frontmatterFieldsType, frontmatterFieldValidators, guideJsonSchema } from '../src/index.js';

describe('FrontmatterDateSchema', () => {
  it('takes ISO 8601 dates and date-times as written, and refuses the rest', () => {
    for (const ok of ['2024-12-17', '2024-02-29', '2024-12-17T10:00:00-05:00', '2024-12-17T10:00:00Z', '2024-12-17T10:00']) {
      expect(FrontmatterDateSchema.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['not-a-date', '2024-02-30', '2023-02-29', '17/12/2024', '2024-13-01', '']) {
      expect(FrontmatterDateSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('FrontmatterFieldsSchema', () => {
  it('accepts a JSON Schema fragment of declared fields', () => {
    const fields = { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] }, minutes: { type: 'integer', minimum: 1 } }, required: ['difficulty'] };
    expect(FrontmatterFieldsSchema.safeParse(fields).success).toBe(true);
  });

  it('refuses a built-in name, an uncompilable schema and an undeclared required field, each at its path', () => {
    const result = FrontmatterFieldsSchema.safeParse({
      properties: { title: { type: 'string' }, level: { type: 'nonsense' } },
      required: ['missing'],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['properties.level', 'properties.title', 'required.0']);
  });

  it('compiles one validator per field, reused for the same declaration', () => {
    const fields = { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] } } };
    const validators = frontmatterFieldValidators(fields);
    expect(validators.get('difficulty')?.safeParse('easy').success).toBe(true);
    expect(validators.get('difficulty')?.safeParse('medium').success).toBe(false);
    expect(frontmatterFieldValidators(fields)).toBe(validators);
  });
});

describe('guideJsonSchema with declared fields', () => {
  it('lists them under Frontmatter.extra, with required', () => {
    const schema = guideJsonSchema({ frontmatter: { properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] } }, required: ['difficulty'] } });
    const extra = (schema.$defs as Record<string, { properties: Record<string, unknown> }>).Frontmatter?.properties.extra;
    expect(extra).toEqual({
      type: 'object',
      propertyNames: { type: 'string' },
      additionalProperties: {},
      properties: { difficulty: { type: 'string', enum: ['easy', 'hard'] } },
      required: ['difficulty'],
    });
  });

  it('is the plain schema without declared fields', () => {
    expect(guideJsonSchema({ frontmatter: { properties: {} } })).toEqual(guideJsonSchema());
  });
});

describe('frontmatterFieldsType', () => {
  it('types each declared field from its schema, required ones not optional', () => {
    expect(
      frontmatterFieldsType({
        properties: {
          difficulty: { type: 'string', enum: ['easy', 'hard'] },
          minutes: { type: 'integer', minimum: 1 },
          reviewers: { type: 'array', items: { type: 'string' } },
          'x-flag': { type: ['boolean', 'null'] },
          source: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'], additionalProperties: false },
          anything: {},
        },
        required: ['difficulty'],
      }),
    ).toBe(
      '{ difficulty: "easy" | "hard"; minutes?: number; reviewers?: Array<string>; "x-flag"?: boolean | null; source?: { url: string }; anything?: unknown; [key: string]: unknown }',
    );
  });
});
