import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDiagnostic, type Diagnostic, FrontmatterFieldsSchema } from '@guidekit/model';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { z } from 'zod';
import { canonicalLocale } from './locale.js';
import { RuleEntrySchema, RuleLevelSchema, RuleOverridesSchema } from './rule-settings.js';

/** Rule id of every configuration problem. */
export const CONFIG_RULE_ID = 'config/invalid';

/** File names looked up, in order, in each folder from the content root upwards. */
export const CONFIG_FILE_NAMES = ['guidekit.config.json', 'guidekit.config.mjs'] as const;

/** Output formats `guidekit-docs build` knows. */
export const OUTPUT_FORMATS = ['html', 'single', 'pdf', 'json', 'md', 'jsonld', 'data'] as const;

const localeTag = z.string().refine((tag) => canonicalLocale(tag) !== undefined, {
  message: 'expected a BCP 47 language tag such as `fr` or `en-US`',
});

const SITE_URL_MESSAGE = 'expected an absolute http:// or https:// URL such as `https://example.org/docs/`';
/**
 * An absolute `http:` or `https:` URL (the address a site is published at). Relative URLs and
 * other schemes cannot be the base of the absolute links search engines read. The pattern reaches
 * the JSON Schema (editors flag `/docs/` too); the refinement, which the JSON Schema cannot carry,
 * also refuses what WHATWG URL parsing refuses (`https://exa mple.org`).
 */
const siteUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+/i, { message: SITE_URL_MESSAGE, abort: true })
  .refine(isSiteUrl, { message: SITE_URL_MESSAGE });

/**
 * Whether a text is an absolute `http:`/`https:` URL with a host, usable as a site's base URL.
 *
 * @param value The text.
 * @returns `true` for `https://example.org/docs/`, `false` for `/docs/` or `ftp://x`.
 */
export function isSiteUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

/** Extra section and step words for one locale, merged into the parser's dictionary. */
export const KeywordsEntrySchema = z.strictObject({
  step: z.array(z.string().min(1)).optional(),
  introduction: z.array(z.string().min(1)).optional(),
  prerequisites: z.array(z.string().min(1)).optional(),
  conclusion: z.array(z.string().min(1)).optional(),
  sources: z.array(z.string().min(1)).optional(),
});

/** A rule severity as written in the configuration (ESLint's words, or `0`/`1`/`2`); see `rule-settings.ts`. */
export const RuleSettingSchema = RuleLevelSchema;

/** What a project may map an MDX component to from its configuration: a renderer render ships. */
const COMPONENT_KINDS = ['aside', 'youtube', 'children'] as const;
const COMPONENT_KIND_MESSAGE = 'expected `aside` (a notice), `youtube` (a thumbnail linking to the video) or `children` (its content alone)';
const componentKind = z.enum(COMPONENT_KINDS, { error: COMPONENT_KIND_MESSAGE });

/**
 * A component as configured: a kind (`"aside"`), or a kind with fixed attributes
 * (`{ "as": "aside", "attributes": { "type": "warning" } }`). JSON names one of the renderers
 * render ships, never a module to import: a configuration file is data, and the renderer's code
 * would not be part of the build's key.
 */
const ComponentConfigSchema = z.union(
  [
    componentKind,
    z.strictObject({
      as: componentKind,
      /** Attributes the component always has (those written in the guide win). */
      attributes: keyedRecord(/^[A-Za-z][\w-]*$/, 'expected an attribute name such as `type`', z.string()).optional(),
    }),
  ],
  { error: componentError },
);

/** zod says "Invalid input" for a union: say what the branch the value was meant for expects. */
function componentError(issue: { code?: string; input?: unknown; errors?: unknown }): string | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  if (typeof issue.input !== 'object' || issue.input === null) return COMPONENT_KIND_MESSAGE;
  const branches = Array.isArray(issue.errors) ? (issue.errors as { path: PropertyKey[]; message: string }[][]) : [];
  const inner = branches[1]?.[0];
  if (!inner) return COMPONENT_KIND_MESSAGE;
  return inner.path.length > 0 ? `at \`${inner.path.map(String).join('.')}\`: ${inner.message}` : inner.message;
}

/** The value at a path of the parsed JSON (`undefined` where there is none). */
function valueAt(root: unknown, where: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of where) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** What a JSON value is, as "Unexpected … at" names it. */
function kindOf(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return `text \`${value.length > 40 ? `${value.slice(0, 40)}…` : value}\``;
  if (typeof value === 'object') return 'object';
  return 'value';
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  string: 'a text',
  number: 'a number',
  boolean: '`true` or `false`',
  record: 'an object',
};

/**
 * A configuration value zod refused, in the project's words: "Unexpected X at `path`, expected Y".
 * Our own messages already say what is expected; zod's wording ("Invalid input: expected array,
 * received string") is replaced where the issue says enough to do better, kept in parentheses otherwise.
 */
function valueMessage(
  issue: { code?: string; message: string; expected?: unknown; values?: readonly unknown[]; minimum?: unknown; origin?: unknown },
  value: unknown,
  shown: string,
): string {
  if (issue.message.startsWith('expected ') || issue.message.startsWith('at `')) return `Unexpected ${kindOf(value)} at \`${shown}\`, ${issue.message}`;
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    return `Unexpected ${kindOf(value)} at \`${shown}\`, expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === 'invalid_value' && Array.isArray(issue.values)) {
    return `Unexpected ${kindOf(value)} at \`${shown}\`, expected one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return `Unexpected empty text at \`${shown}\`, expected some words`;
  return `Unexpected value at \`${shown}\` (${issue.message})`;
}

/**
 * A record whose keys must match `pattern`: zod reports a bad key as "Invalid key in record",
 * so the message is given here, where it is known.
 */
function keyedRecord<V extends z.ZodType>(pattern: RegExp, message: string, value: V) {
  return z.record(z.string().regex(pattern), value, { error: (issue) => (issue.code === 'invalid_key' ? message : undefined) });
}

const LANGUAGE_MESSAGE = 'expected a language code such as `fr` or `pt` (the words serve every region of the language)';
const COMPONENT_NAME_MESSAGE = 'expected a component name as written in guides, such as `Callout` (or `tip` for `:::tip`)';

const uiText = z.string().trim().min(1);
const stepsText = uiText.regex(/\{steps\}/, { message: 'expected the `{steps}` placeholder where the step numbers go' });
const schemaType = z.enum(['Person', 'Organization']);

/**
 * Words of the published pages' chrome a project replaces for one language (render's shipped
 * words cover fr, en, es, de, it, pt, nl; any other language falls back to English ones).
 */
const SiteStringsSchema = z.strictObject({
  skip: uiText.optional(),
  step: uiText.optional(),
  steps: uiText.optional(),
  languages: uiText.optional(),
  home: uiText.optional(),
  guides: uiText.optional(),
  allLanguages: uiText.optional(),
  article: uiText.optional(),
  video: uiText.optional(),
  watchOnYoutube: uiText.optional(),
  search: uiText.optional(),
  searchPlaceholder: uiText.optional(),
  theme: uiText.optional(),
  copy: uiText.optional(),
  copied: uiText.optional(),
  previous: uiText.optional(),
  next: uiText.optional(),
  breadcrumb: uiText.optional(),
  sidebar: uiText.optional(),
  otherGuides: uiText.optional(),
  moreInCategory: uiText.optional(),
  /** A stale translation whose changed steps are not known. */
  staleGuide: uiText.optional(),
  /** A stale translation, one step changed (`{steps}`: its number). */
  staleGuideOne: stepsText.optional(),
  /** A stale translation, several steps changed (`{steps}`: `3 and 5`). */
  staleGuideMany: stepsText.optional(),
  /** The notice on a stale step. */
  staleStep: uiText.optional(),
  /** The link from a stale step to the same step of the source. */
  sourceStep: uiText.optional(),
  /** Beside a language the guide is not translated into yet, in the language switcher. */
  notTranslated: uiText.optional(),
});

/**
 * The schema of `guidekit.config.json`. Strict at every level: an unknown key is an error, so a
 * typo (`sourceLocal`) cannot be silently ignored.
 */
export const GuidekitConfigSchema = z
  .strictObject({
    /** Editor hint; ignored. */
    $schema: z.string().optional(),
    /** Folder of the guides, relative to the configuration file. */
    contentRoot: z.string().min(1).default('content'),
    /** Folder `/`-rooted image URLs resolve against, relative to the configuration file. */
    staticDir: z.string().min(1).optional(),
    /** Language the guides are written in first; the others are translations. */
    sourceLocale: localeTag.default('fr'),
    /** Locales the site publishes; default: every locale found in the tree. */
    locales: z.array(localeTag).optional(),
    /** Extra folder-name → BCP 47 aliases (`{ "anglais": "en" }`). */
    localeAliases: z.record(z.string().min(1), localeTag).default({}),
    /** Extra section and step words per locale. */
    keywords: z.record(z.string().min(1), KeywordsEntrySchema).default({}),
    /**
     * Front matter fields the project adds (a JSON Schema fragment: `properties`, `required`):
     * checked in every guide, never reported as unknown, merged into the guide schema.
     */
    frontmatter: FrontmatterFieldsSchema.optional(),
    /**
     * Rule id (or id without its `package/` prefix) → `off` | `warn` | `error` (or 0 | 1 | 2), or
     * `[level, { ...options }]` for a rule that takes options.
     */
    rules: z.record(z.string().min(1), RuleEntrySchema).default({}),
    /** Rule settings for some files (`[{ files: "reference/**", rules: { ... } }]`); later entries win. */
    overrides: RuleOverridesSchema.default([]),
    /** Options of the translation linter. */
    i18n: z
      .strictObject({
        /** Regular expressions of URL segments that differ by locale (`/fr-ca/` vs `/en-us/`). */
        linkLocalePatterns: z.array(z.string()).optional(),
      })
      .default({}),
    /** Output folder of `guidekit-docs build`, relative to the configuration file. */
    out: z.string().min(1).optional(),
    /** Default formats of `guidekit-docs build`. */
    formats: z.array(z.enum(OUTPUT_FORMATS)).optional(),
    /** What the published site says of itself. */
    site: z
      .strictObject({
        /** Site name: page titles, the header of every page, the home page's heading. */
        title: z.string().trim().min(1).optional(),
        /**
         * Where the HTML site is published (`https://example.org/docs/`). With it, hreflang and
         * canonical links and JSON-LD URLs are absolute, as search engines require, and the
         * site gets a `sitemap.xml` listing every page with its translations.
         */
        url: siteUrl.optional(),
        /** The schema.org type of the guides' authors in JSON-LD (`Organization` for a team). Default `Person`. */
        authorType: schemaType.optional(),
        /** The schema.org type of named authors, over `authorType` (`{ "Équipe IT": "Organization" }`). */
        authors: z.record(z.string().min(1), schemaType).optional(),
        /** Wrap long code lines instead of scrolling them. */
        codeWrap: z.boolean().optional(),
        /** Words of the pages' chrome (notices, switcher, navigation) by language: `{ "fr": { "staleStep": "…" } }`. */
        strings: keyedRecord(/^[a-z]{2,3}$/, LANGUAGE_MESSAGE, SiteStringsSchema).optional(),
      })
      .default({}),
    /**
     * MDX components (and `:::name` containers) the project adds or renames, by name:
     * `{ "Callout": "aside", "Video": "youtube", "Warn": { "as": "aside", "attributes": { "type": "warning" } } }`.
     */
    components: keyedRecord(/^[A-Za-z][\w.-]*$/, COMPONENT_NAME_MESSAGE, ComponentConfigSchema).optional(),
  })
  .meta({ id: 'GuidekitConfig', title: 'guidekit.config.json' });

/** The configuration as written (every field optional). */
export type GuidekitConfigInput = z.input<typeof GuidekitConfigSchema>;
/** The configuration with defaults applied. */
export type GuidekitConfig = z.output<typeof GuidekitConfigSchema>;

/** A loaded configuration: the validated fields plus where they came from. */
export type ResolvedConfig = GuidekitConfig & {
  /** Absolute path of the configuration file, or `null` when none was found. */
  configFile: string | null;
  /** Folder relative paths of the configuration resolve against (the file's folder, else the content root). */
  baseDir: string;
};

/** What {@link loadConfig} resolves to. */
export interface LoadedConfig {
  config: ResolvedConfig;
  /** `config/invalid` errors; when not empty, `config` is the file without the wrong keys and values (the defaults when nothing could be kept). */
  diagnostics: Diagnostic[];
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** An explicit configuration file (`--config`); skips the lookup. */
  configFile?: string | undefined;
  /** Where the upward lookup stops (besides a folder holding `.git`). Default `process.cwd()`. */
  cwd?: string | undefined;
  /** Diagnostics' `file` is made relative to this folder. Default: the content root. */
  relativeTo?: string | undefined;
}

/**
 * Identity helper that types a `guidekit.config.mjs` default export.
 *
 * @param config The configuration object.
 * @returns The same object.
 */
export function defineConfig(config: GuidekitConfigInput): GuidekitConfigInput {
  return config;
}

/**
 * Find the configuration file for a content root: the root first, then each parent up to the
 * repository (a folder holding `.git`), the working directory, or the file-system root.
 *
 * @param root Content root.
 * @param cwd Working directory where the lookup stops.
 * @returns The absolute path of the file, or `undefined`.
 */
export function findConfigFile(root: string, cwd: string = process.cwd()): string | undefined {
  let dir = path.resolve(root);
  const stop = path.resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir || existsSync(path.join(dir, '.git'))) return undefined;
    dir = parent;
  }
}

/**
 * Load and validate the configuration of a content root. Never throws on a bad file: every
 * problem is a `config/invalid` diagnostic placed at the offending key, and that key is left out:
 * the rest of the file applies.
 *
 * @param root Content root (its folder and parents are searched).
 * @param options An explicit file, the lookup's stop folder.
 * @returns The resolved configuration and its diagnostics.
 */
export async function loadConfig(root: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  const absRoot = path.resolve(root);
  const relativeTo = path.resolve(options.relativeTo ?? absRoot);
  const file = options.configFile ? path.resolve(options.configFile) : findConfigFile(absRoot, options.cwd);
  const defaults = (configFile: string | null): ResolvedConfig => ({
    ...GuidekitConfigSchema.parse({}),
    configFile,
    baseDir: configFile ? path.dirname(configFile) : absRoot,
  });
  if (!file) return { config: defaults(null), diagnostics: [] };
  const display = toPosix(path.relative(relativeTo, file)) || path.basename(file);
  const fail = (diagnostics: Diagnostic[]): LoadedConfig => ({ config: defaults(file), diagnostics });

  if (file.endsWith('.mjs') || file.endsWith('.js')) {
    let value: unknown;
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown; config?: unknown };
      value = mod.default ?? mod.config;
    } catch (error) {
      return fail([
        createDiagnostic({
          file: display,
          ruleId: CONFIG_RULE_ID,
          message: `Unexpected error while importing the configuration (${errorMessage(error)}), expected a module whose default export is a configuration object`,
        }),
      ]);
    }
    return finish(value, display, file, undefined, undefined);
  }

  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail([
      createDiagnostic({
        file: display,
        ruleId: CONFIG_RULE_ID,
        message: `Unexpected unreadable configuration file (${errorMessage(error)}), expected a readable JSON file`,
      }),
    ]);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree) {
    const lines = lineStarts(text);
    const list = errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }];
    return fail(
      list.map((e) =>
        createDiagnostic({
          file: display,
          ruleId: CONFIG_RULE_ID,
          message: `Unexpected JSON syntax (${printParseErrorCode(e.error)}), expected valid JSON`,
          position: { start: pointAt(lines, e.offset), end: pointAt(lines, e.offset + e.length) },
        }),
      ),
    );
  }
  return finish(JSON.parse(text) as unknown, display, file, text, tree);
}

/** The configuration read from `value`, or the defaults, and a diagnostic per wrong key or value. */
function finish(value: unknown, displayName: string, configFile: string, sourceText: string | undefined, jsonTree: JsonNode | undefined): LoadedConfig {
  const lines = sourceText === undefined ? undefined : lineStarts(sourceText);
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  // A wrong key or value is reported and left out; the rest of the file still applies (a bad
  // `locales` must not cost the check its `sourceLocale`). Leaving one out can let zod check
  // what it stopped at, hence the rounds.
  let current = value;
  for (let round = 0; round < 5; round++) {
    const parsed = GuidekitConfigSchema.safeParse(current);
    if (parsed.success) return { config: { ...parsed.data, configFile, baseDir: path.dirname(configFile) }, diagnostics };
    const places: PropertyKey[][] = [];
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const where = key === undefined ? issue.path : [...issue.path, key];
        places.push(where);
        const diagnostic = issueDiagnostic(issue, key, where);
        const id = `${where.map(String).join('.')}\0${diagnostic.message}`;
        if (reported.has(id)) continue;
        reported.add(id);
        diagnostics.push(diagnostic);
      }
    }
    const pruned = withoutPlaces(current, places);
    if (pruned === undefined) break;
    current = pruned;
  }
  return { config: { ...GuidekitConfigSchema.parse({}), configFile, baseDir: path.dirname(configFile) }, diagnostics };

  function issueDiagnostic(issue: z.core.$ZodIssue, key: string | undefined, where: PropertyKey[]): Diagnostic {
    const shown = where.map(String).join('.') || '(root)';
    const message =
      key === undefined
        ? valueMessage(issue, valueAt(value, where), shown)
        : `Unexpected key \`${shown}\`, expected one of ${allowedKeys(issue.path)
            .map((k) => `\`${k}\``)
            .join(', ')}`;
    let position: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
    if (jsonTree && lines) {
      const node = locate(jsonTree, where, key !== undefined);
      if (node) position = { start: pointAt(lines, node.offset), end: pointAt(lines, node.offset + node.length) };
    }
    return createDiagnostic({ file: displayName, ruleId: CONFIG_RULE_ID, message, position, data: { path: where.map(String) } });
  }
}

/**
 * A copy of `root` without the values at `places` (an array element takes its whole array with it,
 * so the paths of what stays are those of the file); `undefined` when nothing could be left out.
 */
function withoutPlaces(root: unknown, places: readonly PropertyKey[][]): unknown {
  const copy = structuredClone(root) as unknown;
  let removed = false;
  for (const place of places) {
    const firstIndex = place.findIndex((k) => typeof k === 'number');
    const cut = firstIndex === -1 ? place : place.slice(0, firstIndex);
    if (cut.length === 0) continue;
    let parent = copy;
    for (const key of cut.slice(0, -1)) parent = typeof parent === 'object' && parent !== null ? (parent as Record<PropertyKey, unknown>)[key] : undefined;
    const last = cut[cut.length - 1] as PropertyKey;
    if (typeof parent === 'object' && parent !== null && !Array.isArray(parent) && last in parent) {
      delete (parent as Record<PropertyKey, unknown>)[last];
      removed = true;
    }
  }
  return removed ? copy : undefined;
}

/**
 * Resolve a configuration path (`contentRoot`, `staticDir`, `out`) against the configuration's folder.
 *
 * @param config A resolved configuration.
 * @param value A path as written in the configuration.
 * @returns The absolute path.
 */
export function resolveConfigPath(config: ResolvedConfig, value: string): string {
  return path.resolve(config.baseDir, value);
}

/** Keys allowed at a path of the schema, for "expected one of" messages. */
function allowedKeys(at: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = GuidekitConfigSchema;
  for (const segment of at) {
    const shape = objectShape(schema);
    if (shape && typeof segment === 'string' && segment in shape) {
      schema = shape[segment] as z.ZodType;
      continue;
    }
    const record = unwrap(schema);
    if (record instanceof z.ZodRecord) {
      schema = record.valueType as z.ZodType;
      continue;
    }
    return [];
  }
  return Object.keys(objectShape(schema) ?? {});
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : undefined;
}

/** The JSON node a zod path points at: the key itself for unknown keys, else the value. */
function locate(tree: JsonNode, where: readonly PropertyKey[], wantKey: boolean): JsonNode | undefined {
  const jsonPath = where.map((s) => (typeof s === 'number' ? s : String(s)));
  for (let n = jsonPath.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, jsonPath.slice(0, n));
    if (!node) continue;
    // findNodeAtLocation returns the value; its parent property's first child is the key.
    if (wantKey && n === jsonPath.length && node.parent?.type === 'property') return node.parent.children?.[0] ?? node;
    return node;
  }
  return undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function pointAt(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The JSON Schema (draft 2020-12) of `guidekit.config.json`, generated from
 * {@link GuidekitConfigSchema}, so editors can complete and check the file
 * (`"$schema": "./node_modules/@guidekit/content/guidekit.config.schema.json"`).
 * `guidekit.config.schema.json` is this value, written by the package's tests.
 *
 * @returns A plain JSON Schema object describing the file as written (defaults optional).
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GuidekitConfigSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://guidekit.dev/schema/guidekit.config.schema.json' };
}
