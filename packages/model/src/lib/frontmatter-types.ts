import type { FrontmatterFields } from './frontmatter-fields.js';

type Schema = Record<string, unknown>;

function literal(value: unknown): string {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? JSON.stringify(value) : 'unknown';
}

function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

function objectType(schema: Schema, depth: number): string {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const members = Object.entries(properties).map(([name, value]) => `${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(value, depth + 1)}`);
  if (schema.additionalProperties !== false) members.push('[key: string]: unknown');
  return `{ ${members.join('; ')} }`;
}

const SCALARS: Record<string, string> = { string: 'string', number: 'number', integer: 'number', boolean: 'boolean', null: 'null' };

/** The TypeScript type of a JSON Schema (the common keywords; anything else is `unknown`). */
function typeOf(schema: Schema, depth: number): string {
  if (depth > 20 || typeof schema !== 'object' || schema === null) return 'unknown';
  if ('const' in schema) return literal(schema.const);
  if (Array.isArray(schema.enum)) return schema.enum.map(literal).join(' | ') || 'never';
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(union)) return union.map((s) => typeOf(s, depth + 1)).join(' | ') || 'never';
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const parts = types.map((type) => {
    if (type === 'array') return `Array<${schema.items ? typeOf(schema.items as Schema, depth + 1) : 'unknown'}>`;
    if (type === 'object') return objectType(schema, depth);
    return type !== undefined && SCALARS[type] ? SCALARS[type] : 'unknown';
  });
  return [...new Set(parts)].join(' | ');
}

/**
 * The TypeScript type of `frontmatter.extra` for a project's declared fields, for generated
 * declaration files (the data modules' `.d.ts`): each declared field typed from its JSON Schema
 * (`enum` → a union of literals, `integer` → `number`, arrays, nested objects), required ones
 * not optional, and an index signature for the fields nobody declared.
 *
 * @param fields The declared fields.
 * @returns A type literal such as `{ difficulty: "easy" | "hard"; minutes?: number; [key: string]: unknown }`.
 */
export function frontmatterFieldsType(fields: FrontmatterFields): string {
  return objectType({ properties: fields.properties ?? {}, required: fields.required ?? [] }, 0);
}
