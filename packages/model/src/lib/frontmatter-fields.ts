import { z } from 'zod';
import { KNOWN_FRONTMATTER_KEYS } from './schema.js';

/**
 * The front matter fields a project declares in `guidekit.config.json` (`"frontmatter"`): a
 * JSON Schema object fragment, one schema per field under `properties`, and the fields every
 * guide must set under `required`. Declared fields are validated like the built-in ones, kept in
 * `frontmatter.extra`, never reported as unknown, and merged into the project's guide schema.
 */
export const FrontmatterFieldsSchema = z
  .strictObject({
    /** Field name → JSON Schema of its value (`{ "type": "string", "enum": ["easy", "hard"] }`). */
    properties: z.record(z.string().min(1), z.record(z.string(), z.unknown())).default({}),
    /** Declared fields every guide must set. */
    required: z.array(z.string().min(1)).optional(),
  })
  .superRefine((fields, ctx) => {
    for (const [name, schema] of Object.entries(fields.properties)) {
      if ((KNOWN_FRONTMATTER_KEYS as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['properties', name],
          message: `expected a field name other than the built-in \`${name}\``,
        });
        continue;
      }
      const problem = compileProblem(schema);
      if (problem) ctx.addIssue({ code: 'custom', path: ['properties', name], message: `expected a JSON Schema guidekit can check (${problem})` });
    }
    for (const [i, name] of (fields.required ?? []).entries()) {
      if (!Object.hasOwn(fields.properties, name)) {
        ctx.addIssue({ code: 'custom', path: ['required', i], message: `expected a field declared under \`properties\`, found \`${name}\`` });
      }
    }
  })
  .meta({ id: 'FrontmatterFields', description: 'Front matter fields a project declares (a JSON Schema fragment).' });

/** Project-declared front matter fields, as written in `guidekit.config.json`. */
export type FrontmatterFields = z.input<typeof FrontmatterFieldsSchema>;

function compileProblem(schema: Record<string, unknown>): string | undefined {
  try {
    z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const compiled = new WeakMap<object, ReadonlyMap<string, z.ZodType>>();

/**
 * One zod validator per declared field, compiled once per declaration object (a parse of many
 * files reuses them).
 *
 * @param fields The declared fields (validated with {@link FrontmatterFieldsSchema}).
 * @returns Field name → validator.
 * @throws TypeError when a field's schema cannot be compiled (validate the configuration first).
 */
export function frontmatterFieldValidators(fields: FrontmatterFields): ReadonlyMap<string, z.ZodType> {
  const cached = compiled.get(fields);
  if (cached) return cached;
  const map = new Map<string, z.ZodType>();
  for (const [name, schema] of Object.entries(fields.properties ?? {})) {
    try {
      map.set(name, z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodType);
    } catch (error) {
      throw new TypeError(`frontmatter field \`${name}\`: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  compiled.set(fields, map);
  return map;
}
