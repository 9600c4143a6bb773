import { z } from 'zod';
import { GuideSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a `Guide`, generated from the zod schema so the two can
 * never disagree. `guide.schema.json` is this value, written by the model's tests.
 *
 * @returns A plain JSON Schema object.
 */
export function guideJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GuideSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...schema, $id: 'https://guidekit.dev/schema/guide.schema.json' };
}
