import { z } from 'zod';
import type { FrontmatterFields } from './frontmatter-fields.js';
import { GuideSchema } from './schema.js';

/** Options of {@link guideJsonSchema}. */
export interface GuideJsonSchemaOptions {
  /** A project's declared front matter fields, merged into `Frontmatter.extra`. */
  frontmatter?: FrontmatterFields | undefined;
}

/**
 * The JSON Schema (draft 2020-12) of a `Guide`, generated from the zod schema so the two can
 * never disagree. `guide.schema.json` is this value with no options, written by the model's tests.
 * With a project's declared fields, `frontmatter.extra` lists them (types, `required`), so the
 * project's published JSON is checked against its own fields too.
 *
 * @param options The project's declared front matter fields, if any.
 * @returns A plain JSON Schema object.
 */
export function guideJsonSchema(options: GuideJsonSchemaOptions = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(GuideSchema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  const fields = options.frontmatter;
  if (fields && Object.keys(fields.properties ?? {}).length > 0) mergeFields(schema, fields);
  return { ...schema, $id: 'https://guidekit.dev/schema/guide.schema.json' };
}

/** Put the declared fields into the `extra` object of the `Frontmatter` definition (in place). */
function mergeFields(schema: Record<string, unknown>, fields: FrontmatterFields): void {
  const defs = schema.$defs as Record<string, { properties?: Record<string, Record<string, unknown>> }> | undefined;
  const frontmatter = defs?.Frontmatter;
  const extra = frontmatter?.properties?.extra;
  if (!frontmatter?.properties || !extra) throw new Error('guideJsonSchema: the Frontmatter definition has no `extra` object');
  const merged: Record<string, unknown> = { ...extra, properties: { ...(fields.properties ?? {}) } };
  if (fields.required && fields.required.length > 0) merged.required = [...fields.required];
  frontmatter.properties.extra = merged;
}
