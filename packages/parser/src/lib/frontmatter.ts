import type { Diagnostic, Frontmatter, FrontmatterFields } from '@guidekit/model';
import { createDiagnostic, FrontmatterSchema, frontmatterFieldValidators, KNOWN_FRONTMATTER_KEYS } from '@guidekit/model';
import leven from 'leven';
import type { Document, Node as YamlNode, Pair } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { MatterSplit } from './matter.js';
import type { BlockPlace } from './yaml-errors.js';
import { dataDiagnostic, filePoint, syntaxDiagnostics } from './yaml-errors.js';

/** What the front matter step hands back to the parser. */
export interface FrontmatterResult {
  frontmatter: Frontmatter;
  diagnostics: Diagnostic[];
  /** The `title` as written when it is a number or a boolean (`title: 2024`): still a usable title. */
  titleText?: string;
}

/** Options of {@link readFrontmatter}. */
export interface FrontmatterOptions {
  /** Fields the project declares (`guidekit.config.json` `frontmatter`). */
  fields?: FrontmatterFields | undefined;
}

const KNOWN: ReadonlySet<string> = new Set(KNOWN_FRONTMATTER_KEYS);

const EXPECTED: Record<string, string> = {
  date: 'an ISO 8601 date such as `2024-12-17` or `2024-12-17T10:00:00+01:00`',
  categories: 'a list of strings',
  tags: 'a list of strings',
  draft: '`true` or `false`',
  translationOf: 'a translation stamp ({ locale, hash, steps })',
};

/** One field being read: where its block is, what the project declares. */
interface Reader {
  place: BlockPlace;
  yaml: string;
  fields: FrontmatterFields | undefined;
  result: FrontmatterResult;
}

/**
 * Set a field as an own property whatever its name: a plain assignment of `__proto__` would
 * change the object's prototype instead, and the field would be lost.
 */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

// YAML gives `.inf`/`.nan` as numbers JSON cannot hold; a Guide must be plain JSON.
function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setField(out, k, toJson(v));
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/**
 * The value as the author wrote it, for messages: its kind, then its text when it fits on one
 * line (a string's own text, another value's source), never cut and never re-cased.
 */
function shown(value: unknown, node: YamlNode | null, yaml: string): string {
  const kind = Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value === 'object' ? 'mapping' : typeof value;
  const text = typeof value === 'string' ? value : node?.range ? yaml.slice(node.range[0], node.range[1]) : String(value);
  if (/[\r\n]/.test(text)) return `multi-line ${kind}`;
  return `${kind} \`${text}\``;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function rangeOf(node: unknown, reader: Reader): { start: { line: number; column: number }; end: { line: number; column: number } } {
  const range = (node as YamlNode | null)?.range;
  if (!range) {
    const start = { line: reader.place.openLine + 1, column: 1 };
    return { start, end: start };
  }
  return { start: filePoint(reader.place, range[0]), end: filePoint(reader.place, range[1]) };
}

function unknownKey(reader: Reader, key: string, pair: Pair): void {
  const declared = Object.keys(reader.fields?.properties ?? {});
  const candidates = [...KNOWN_FRONTMATTER_KEYS, ...declared];
  const suggestion = candidates
    .map((name) => ({ name, distance: leven(key.toLowerCase(), name.toLowerCase()) }))
    // Two edits for names of five letters or more (`titel`, `auteur`), one for shorter ones.
    .filter((c) => c.distance <= (c.name.length >= 5 ? 2 : 1))
    .sort((a, b) => a.distance - b.distance)[0]?.name;
  const expected = suggestion
    ? `\`${suggestion}\``
    : `a built-in field (${KNOWN_FRONTMATTER_KEYS.map((k) => `\`${k}\``).join(', ')}) or one declared under \`frontmatter\` in \`guidekit.config.json\``;
  reader.result.diagnostics.push(
    createDiagnostic({
      file: reader.place.file,
      ruleId: 'frontmatter/unknown-key',
      severity: 'warning',
      message: `Unexpected front matter field \`${key}\`, expected ${expected}`,
      position: rangeOf(pair.key, reader),
      data: suggestion ? { field: key, suggestion } : { field: key },
    }),
  );
}

function typeError(reader: Reader, key: string, pair: Pair, value: unknown, expected: string): void {
  reader.result.diagnostics.push(
    createDiagnostic({
      file: reader.place.file,
      ruleId: 'parse/frontmatter-type',
      severity: 'error',
      message: `Unexpected ${shown(value, pair.value as YamlNode | null, reader.yaml)} for \`${key}\`, expected ${expected} (kept in \`extra\`)`,
      position: rangeOf(pair.value, reader),
      data: { field: key },
    }),
  );
}

/** Check one top-level field and put it where it belongs: a known field, or `extra`. */
function readField(reader: Reader, key: string, value: unknown, pair: Pair | undefined): void {
  const { frontmatter } = reader.result;
  const declared = reader.fields ? frontmatterFieldValidators(reader.fields).get(key) : undefined;
  if (!KNOWN.has(key)) {
    setField(frontmatter.extra, key, value);
    if (!pair) return;
    if (!declared) unknownKey(reader, key, pair);
    else if (value !== null) {
      const checked = declared.safeParse(value);
      if (!checked.success) typeError(reader, key, pair, value, `a value valid against its declared schema (${checked.error.issues[0]?.message ?? 'invalid'})`);
    }
    return;
  }
  // An empty field (`description:`) is "not set": keep it in extra, it is no error.
  if (value === null) {
    setField(frontmatter.extra, key, null);
    return;
  }
  const schema = FrontmatterSchema.shape[key as keyof typeof FrontmatterSchema.shape];
  const checked = schema.safeParse(value);
  if (checked.success) {
    setField(frontmatter as unknown as Record<string, unknown>, key, checked.data);
    return;
  }
  setField(frontmatter.extra, key, value);
  if (!pair) return;
  typeError(reader, key, pair, value, EXPECTED[key] ?? 'a string');
  if (key === 'title' && (typeof value === 'number' || typeof value === 'boolean') && pair.value) {
    const range = (pair.value as YamlNode).range;
    if (range) reader.result.titleText = reader.yaml.slice(range[0], range[1]);
  }
}

/**
 * `frontmatter/missing-key` errors for the declared `required` fields a guide does not set.
 *
 * @param present Fields the guide sets (not null).
 * @param fields The project's declared fields.
 * @param file Path for diagnostics.
 * @param line File line to report on (the opening `---`, or 1 without front matter).
 * @returns One error per missing field.
 */
export function missingFields(present: ReadonlySet<string>, fields: FrontmatterFields | undefined, file: string, line: number): Diagnostic[] {
  return (fields?.required ?? [])
    .filter((name) => !present.has(name))
    .map((name) =>
      createDiagnostic({
        file,
        ruleId: 'frontmatter/missing-key',
        severity: 'error',
        message: `Unexpected front matter without \`${name}\`, expected it as \`guidekit.config.json\` declares it required`,
        position: { line, column: 1 },
        data: { field: name },
      }),
    );
}

function readMapping(reader: Reader, doc: Document, data: Record<string, unknown>): void {
  const pairs = new Map<string, Pair>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = keyOf(pair);
      if (key !== undefined && !pairs.has(key)) pairs.set(key, pair);
    }
  }
  const present = new Set<string>();
  for (const key of Object.keys(data)) {
    const value = toJson(data[key]);
    if (value !== null) present.add(key);
    readField(reader, key, value, pairs.get(key));
  }
  reader.result.diagnostics.push(...missingFields(present, reader.fields, reader.place.file, reader.place.openLine));
}

function badCloseDiagnostic(file: string, close: NonNullable<MatterSplit['badClose']>): Diagnostic {
  return createDiagnostic({
    file,
    ruleId: 'parse/yaml-invalid',
    severity: 'error',
    message: `Unexpected \`${close.text}\` closing the front matter, expected \`---\` alone on its line (front matter ignored)`,
    position: { line: close.line, column: close.column },
  });
}

/**
 * Read the front matter gray-matter split off (its YAML parsed by the `yaml` package, YAML 1.2
 * core schema: dates stay as written), check the built-in fields and the project's declared ones,
 * and keep everything else in `extra`. Every problem is placed at its own line and column: a
 * syntax error at the fault (an unclosed quote where it opens), a wrong value at the value, an
 * unknown field at its key.
 *
 * @param split The file's front matter, from `splitMatter`.
 * @param file Path for diagnostics.
 * @param options The project's declared fields.
 * @returns Front matter (known fields + `extra`), diagnostics, and a title read as written.
 */
export function readFrontmatter(split: MatterSplit, file: string, options: FrontmatterOptions = {}): FrontmatterResult {
  const result: FrontmatterResult = { frontmatter: { extra: {} }, diagnostics: [] };
  if (split.badClose) {
    result.diagnostics.push(badCloseDiagnostic(file, split.badClose));
    return result;
  }
  const block = split.block;
  const place: BlockPlace | undefined = block && { file, openLine: 1, lineCounter: block.lineCounter };
  if (block && place && block.doc.errors.length > 0) {
    result.diagnostics.push(...syntaxDiagnostics(block.doc, place));
    return result;
  }
  if (block && place && block.dataError) {
    result.diagnostics.push(dataDiagnostic(block.doc, place, block.dataError.error));
    return result;
  }
  // No block (only blanks and comments: gray-matter did not call the engine) or an empty document.
  if (!block || !place || block.data === null || block.data === undefined) {
    result.diagnostics.push(...missingFields(new Set(), options.fields, file, 1));
    return result;
  }
  const { doc, yaml, data } = block;
  const reader: Reader = { place, yaml, fields: options.fields, result };
  if (typeof data !== 'object' || Array.isArray(data)) {
    result.diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/frontmatter-type',
        severity: 'error',
        message: `Unexpected ${shown(data, doc.contents, yaml)} as front matter, expected a mapping of fields (kept in \`extra.value\`)`,
        position: rangeOf(doc.contents, reader),
      }),
    );
    result.frontmatter.extra = { value: toJson(data) };
    return result;
  }
  readMapping(reader, doc, data as Record<string, unknown>);
  return result;
}
