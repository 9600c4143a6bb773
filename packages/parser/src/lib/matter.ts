import matter from 'gray-matter';
import type { Document } from 'yaml';
import { LineCounter, parseDocument } from 'yaml';
import { pointAt } from './input.js';

/** The front matter's YAML, parsed once by the `yaml` package: the document keeps every node's range. */
export interface YamlBlock {
  /** The YAML text as gray-matter cut it: from the line break after `---` to the closing line break. */
  yaml: string;
  doc: Document;
  lineCounter: LineCounter;
  /** The data (`toJS`), when the document has no syntax error and could be read. */
  data?: unknown;
  /** What `toJS` threw (an alias to no anchor, too many aliases). */
  dataError?: { error: unknown };
}

/** A file's front matter as gray-matter split it. */
export interface MatterSplit {
  /** The parsed YAML; undefined when the block holds only blanks and comments. */
  block: YamlBlock | undefined;
  /** Offset of the body in the file (after the closing fence's line break). */
  bodyOffset: number;
  /** Offset of the closing fence's first `-` in the file. */
  closeOffset: number;
  /** File line and column of the closing fence when it is not `---` alone (gray-matter also closes at `----` or `---x`). */
  badClose?: { line: number; column: number; text: string };
}

// Only a bare `---` opens front matter here (as for remark-frontmatter): a language after it
// (`---js`) would make gray-matter pick another engine, and its JavaScript engine evaluates code.
const OPEN = /^---[ \t]*\r?\n/;
const CLEAN_CLOSE = /---[ \t]*(?:\r?\n|$)/y;

function yamlEngine(found: { block?: YamlBlock }): (raw: string) => object {
  return (raw) => {
    // gray-matter cuts at the `\n` of the closing line: with CRLF the block ends in a `\r` that
    // YAML would keep in the last value.
    const yaml = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const lineCounter = new LineCounter();
    const doc = parseDocument(yaml, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
    const block: YamlBlock = { yaml, doc, lineCounter };
    found.block = block;
    if (doc.errors.length > 0) return {};
    try {
      block.data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      block.dataError = { error };
      return {};
    }
    const data = block.data;
    return data && typeof data === 'object' && !Array.isArray(data) ? data : {};
  };
}

/**
 * Split a file's front matter with gray-matter, its YAML read by the `yaml` package (YAML 1.2
 * core schema: dates stay as written) through gray-matter's `engines.yaml`, so YAML is parsed
 * once and the document keeps positions. Always called with an options object: without one
 * gray-matter caches every input string forever.
 *
 * @param text The file's text (BOM already dropped).
 * @returns The split, or undefined when the file does not open with `---` or never closes it.
 */
export function splitMatter(text: string): MatterSplit | undefined {
  if (!OPEN.test(text)) return undefined;
  const found: { block?: YamlBlock } = {};
  const file = matter(text, { engines: { yaml: yamlEngine(found) }, language: 'yaml' });
  // The matter starts right after the opening `---` (OPEN leaves gray-matter no language to cut).
  const closeOffset = 3 + file.matter.length + 1;
  if (closeOffset >= text.length) return undefined;
  const split: MatterSplit = { block: found.block, bodyOffset: text.length - file.content.length, closeOffset };
  CLEAN_CLOSE.lastIndex = closeOffset;
  if (!CLEAN_CLOSE.test(text)) {
    const end = text.indexOf('\n', closeOffset);
    split.badClose = { ...pointAt(text, closeOffset), text: text.slice(closeOffset, end === -1 ? text.length : end).trimEnd() };
  }
  return split;
}
