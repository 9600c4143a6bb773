import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as ParserModule from '@guidekit/parser';
import { summarize } from './summary.js';

const require = createRequire(import.meta.url);

type Parser = typeof ParserModule;
let parser: Parser | undefined;

/**
 * Load the parser, once. A load whose guides all come from the cache never needs it, and it is
 * a fifth of a process's memory and half a second of start-up (micromark, acorn, the mdast
 * utilities): it is loaded when a file is about to be parsed.
 *
 * @returns The parser module.
 */
export async function loadParser(): Promise<Parser> {
  parser ??= await import('@guidekit/parser');
  return parser;
}

/**
 * Whether a guide whose cache entry went away after the load can be parsed again synchronously
 * without loading the parser up front: this Node loads ES modules with `require` (20.19 and
 * later) and the parser is built.
 */
export function canRequireParser(): boolean {
  return (process.features as { require_module?: boolean }).require_module === true && builtParser() !== undefined;
}

/** The parser, loaded synchronously when {@link loadParser} did not run (see {@link canRequireParser}). */
function parserNow(): Parser {
  if (parser) return parser;
  const file = builtParser();
  if (!file) throw new Error('the parser is neither loaded nor built');
  parser = require(file) as Parser;
  return parser;
}

/** The parser's built entry, found through its package.json (its exports only name `import`). */
function builtParser(): string | undefined {
  try {
    const entry = path.join(path.dirname(require.resolve('@guidekit/parser/package.json')), 'dist', 'index.js');
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** What the parser is told of one file besides its text. */
export interface ParseMeta {
  path: string;
  locale: string;
  slug: string;
  format: 'md' | 'mdx';
}

/** What one file needs to be parsed (everything but the shared keywords). */
export interface ParseTask extends ParseMeta {
  source: string;
}

/**
 * A parse outcome: the guide as UTF-8 JSON bytes (in a buffer of its own, so a caller may move it
 * to a thread) and its summary (diagnostics, images, outline; see `summarize`) as JSON text, the
 * two parts of a cache entry; or the message of a parser crash.
 */
export type ParseOutcome = { guide: Uint8Array; summary: string } | { error: string };

/** The configured keywords as the parser takes them. */
export type Keywords = NonNullable<Parameters<Parser['parseGuide']>[1]>['keywords'];
/** The project's declared front matter fields (`guidekit.config.json` `frontmatter`). */
export type FrontmatterFieldsOption = NonNullable<Parameters<Parser['parseGuide']>[1]>['frontmatter'];

const encoder = new TextEncoder();

/**
 * Parse one task and serialize the result. Every guide goes through JSON, so a guide is the same
 * object whether it was parsed in this load or read from the cache. Needs {@link loadParser} to
 * have run, or {@link canRequireParser}.
 *
 * @param task The file and its options.
 * @param keywords Extra keywords from the configuration.
 * @param frontmatter The project's declared front matter fields.
 * @returns The JSON of the parse result, or the crash message.
 */
export function parseTask(task: ParseTask, keywords: Keywords | undefined, frontmatter?: FrontmatterFieldsOption): ParseOutcome {
  try {
    const { parseGuide } = parserNow();
    const options: NonNullable<Parameters<Parser['parseGuide']>[1]> = { path: task.path, locale: task.locale, slug: task.slug, format: task.format };
    if (keywords !== undefined) options.keywords = keywords;
    if (frontmatter !== undefined) options.frontmatter = frontmatter;
    const result = parseGuide(task.source, options);
    return { guide: encoder.encode(JSON.stringify(result.guide)), summary: JSON.stringify(summarize(result.guide, result.diagnostics, task.source)) };
  } catch (error) {
    return { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
