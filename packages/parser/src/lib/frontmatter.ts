import type { Diagnostic, Frontmatter } from '@guidekit/model';
import { createDiagnostic, TranslationStampSchema } from '@guidekit/model';
import matter from 'gray-matter';

/** What the front matter step hands back to the parser. */
export interface FrontmatterResult {
  frontmatter: Frontmatter;
  diagnostics: Diagnostic[];
}

type FieldCheck = 'string' | 'string[]' | 'boolean' | 'stamp';

const FIELDS: Record<string, FieldCheck> = {
  title: 'string',
  meta_title: 'string',
  description: 'string',
  date: 'string',
  image: 'string',
  categories: 'string[]',
  author: 'string',
  tags: 'string[]',
  draft: 'boolean',
  locale: 'string',
  translationKey: 'string',
  translationOf: 'stamp',
};

const EXPECTED: Record<FieldCheck, string> = {
  string: 'a string',
  'string[]': 'a list of strings',
  boolean: '`true` or `false`',
  stamp: 'a translation stamp ({ locale, hash, steps })',
};

/** A top-level key of the YAML block, with its file line and its raw scalar text. */
interface KeyLine {
  line: number;
  column: number;
  raw: string;
}

// A top-level `key: value` line (no indentation): enough to point at a field and to read a date
// back as written, without a second YAML parser.
const KEY_LINE = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"][^:]*?))[ \t]*:(?:[ \t]+(.*))?$/;

function keyLines(yaml: string, firstLine: number): Map<string, KeyLine> {
  const map = new Map<string, KeyLine>();
  const lines = yaml.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = KEY_LINE.exec(lines[i] ?? '');
    if (!m) continue;
    const key = m[1] ?? m[2] ?? m[3] ?? '';
    if (!map.has(key)) map.set(key, { line: firstLine + i, column: 1, raw: (m[4] ?? '').trim() });
  }
  return map;
}

function rawScalar(raw: string): string {
  let text = raw.replace(/\s+#.*$/, '').trim();
  if ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'"))) {
    text = text.slice(1, -1);
  }
  return text;
}

// YAML gives Dates and, for `!!binary`, bytes; a Guide must be plain JSON.
/**
 * Set a field as an own property whatever its name: a plain assignment of `__proto__` would
 * change the object's prototype instead, and the field would be lost.
 */
function setField(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function toJson(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setField(out, k, toJson(v));
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}

function check(kind: FieldCheck, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'boolean':
      return typeof value === 'boolean';
    case 'stamp':
      return TranslationStampSchema.safeParse(value).success;
  }
}

interface YamlError {
  reason?: string;
  message?: string;
  mark?: { line?: number; column?: number };
}

/**
 * Read the YAML front matter with gray-matter, validate the known fields and keep the rest.
 *
 * @param yaml The YAML text between the `---` fences (as remark-frontmatter found it).
 * @param openLine File line of the opening `---`.
 * @param file Path for diagnostics.
 * @returns Front matter (known fields + `extra`) and diagnostics placed on file lines.
 */
export function readFrontmatter(yaml: string, openLine: number, file: string): FrontmatterResult {
  const diagnostics: Diagnostic[] = [];
  const frontmatter: Frontmatter = { extra: {} };
  let data: unknown;
  try {
    // An options object turns off gray-matter's unbounded per-string cache.
    data = matter(`---\n${yaml}\n---\n`, {}).data;
  } catch (error) {
    const e = error as YamlError;
    // gray-matter hands js-yaml the text right after the opening `---`, so mark.line 1 (0-based)
    // is the first line of the block: the file line is the fence's line plus mark.line.
    const line = openLine + (e.mark?.line ?? 1);
    const column = (e.mark?.column ?? 0) + 1;
    const reason = (e.reason ?? e.message ?? 'invalid YAML').split('\n')[0];
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/yaml-invalid',
        severity: 'error',
        message: `Unexpected YAML syntax (${reason}), expected valid YAML front matter (front matter ignored)`,
        position: { line, column },
      }),
    );
    return { frontmatter, diagnostics };
  }
  if (data === null || data === undefined) return { frontmatter, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/frontmatter-type',
        severity: 'error',
        message: `Unexpected ${describe(data)} as front matter, expected a mapping of fields (kept in \`extra.value\`)`,
        position: { line: openLine + 1, column: 1 },
      }),
    );
    frontmatter.extra = { value: toJson(data) };
    return { frontmatter, diagnostics };
  }
  const lines = keyLines(yaml, openLine + 1);
  const target = frontmatter as unknown as Record<string, unknown>;
  for (const [key, rawValue] of Object.entries(data as Record<string, unknown>)) {
    let value = rawValue;
    // YAML reads `2024-12-17T10:00:00-05:00` as a Date in UTC: keep the text as written.
    if (value instanceof Date) {
      const raw = lines.get(key)?.raw;
      value = raw ? rawScalar(raw) : toJson(value);
    }
    const kind = Object.hasOwn(FIELDS, key) ? FIELDS[key] : undefined;
    if (!kind) {
      setField(frontmatter.extra, key, toJson(value));
      continue;
    }
    // An empty field (`description:`) is "not set": keep it in extra, it is no error.
    if (value === null) {
      setField(frontmatter.extra, key, null);
      continue;
    }
    if (check(kind, value)) {
      target[key] = kind === 'stamp' ? TranslationStampSchema.parse(value) : value;
      continue;
    }
    const at = lines.get(key) ?? { line: openLine + 1, column: 1 };
    diagnostics.push(
      createDiagnostic({
        file,
        ruleId: 'parse/frontmatter-type',
        severity: 'error',
        message: `Unexpected ${describe(value)} for \`${key}\`, expected ${EXPECTED[kind]} (kept in \`extra\`)`,
        position: { line: at.line, column: at.column },
        data: { field: key },
      }),
    );
    setField(frontmatter.extra, key, toJson(value));
  }
  return { frontmatter, diagnostics };
}
