import { createHash } from 'node:crypto';

/**
 * Content hashes that ignore formatting.
 *
 * Translations go stale when the source's words change, not when someone reflows a paragraph,
 * switches `*a*` to `_a_` or `-` bullets to `*`. mdast already forgets marker styles; this file
 * forgets the rest (positions, whitespace runs, line endings, hard vs soft breaks, loose vs tight
 * lists, thematic breaks) and hashes what is left.
 */

interface AnyNode {
  type: string;
  children?: unknown;
  value?: unknown;
  [key: string]: unknown;
}

// Keys that carry place or presentation, not content.
const SKIP_KEYS = new Set(['type', 'children', 'value', 'position', 'data', 'spread']);

function stable(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => k !== 'position' && k !== 'data')
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

function normalizeCode(value: string): string {
  // Code keeps its lines and indentation; only line endings and trailing blanks are formatting.
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

// Replace only what needs replacing (runs of 2+ whitespace, or a newline/tab/no-break space):
// most spaces are already single, so this is several times faster than `/\s+/g` on long text.
const WS = /\s\s+|[^\S ]/g;

function collapse(text: string): string {
  return text.replace(WS, ' ');
}

// Past this size a value is a raw fallback block (a huge or pathological file kept as text):
// hash it as written, so hashing 10 MB stays far below a second.
const RAW_VALUE = 256 * 1024;

// Length-prefixed, not JSON-escaped: cheaper for large values, and still unambiguous.
function encodeValue(v: string): string {
  return `${v.length}:${v}`;
}

function serializeChildren(children: readonly AnyNode[], out: string[]): void {
  let pending = '';
  let pendingOpen = false;
  const flush = (last: boolean): void => {
    if (!pendingOpen) return;
    let t = collapse(pending);
    if (last) t = t.trimEnd();
    if (t) out.push(`t${encodeValue(t)}`);
    pending = '';
    pendingOpen = false;
  };
  let first = true;
  for (const child of children) {
    if (!child || typeof child !== 'object') continue;
    // Adjacent text and breaks are one run of words: a hard break (two trailing spaces) reads
    // like a soft line ending.
    if (child.type === 'text' || child.type === 'break') {
      const v = child.type === 'text' && typeof child.value === 'string' ? child.value : ' ';
      pending += first && !pendingOpen ? v.replace(/^[\s\u00a0]+/, '') : v;
      pendingOpen = true;
      continue;
    }
    flush(false);
    first = false;
    serializeNode(child, out);
  }
  flush(true);
}

function serializeNode(node: AnyNode, out: string[]): void {
  if (node.type === 'thematicBreak') return;
  out.push(`(${node.type}`);
  for (const key of Object.keys(node).sort()) {
    if (SKIP_KEYS.has(key)) continue;
    const v = node[key];
    if (v === undefined) continue;
    out.push(` ${key}=${stable(v)}`);
  }
  if (typeof node.value === 'string') {
    const raw = node.value;
    const v = raw.length > RAW_VALUE ? raw : node.type === 'code' ? normalizeCode(raw) : collapse(raw).trim();
    out.push(` v=${encodeValue(v)}`);
  }
  if (Array.isArray(node.children)) serializeChildren(node.children as AnyNode[], out);
  out.push(')');
}

/**
 * The normalised form of some nodes that hashes are computed on. Exposed so tools can show
 * why two hashes differ.
 *
 * @param nodes mdast / MDX / `uiLabel` nodes (positions and `data` are ignored).
 * @returns A canonical string: same words, URLs and code give the same string.
 */
export function normalizeForHash(nodes: readonly unknown[]): string {
  const out: string[] = [];
  for (const node of nodes) {
    if (node && typeof node === 'object') serializeNode(node as AnyNode, out);
  }
  return out.join('');
}

/**
 * SHA-256 of a string, hex, first 16 characters (64 bits: plenty to tell revisions of one
 * guide apart, short enough to read in a stamp).
 *
 * @param text Any string.
 * @returns 16 hex characters.
 */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * Hash of a list of blocks, ignoring formatting.
 *
 * @param blocks mdast nodes, as in `Step.blocks` or `Section.blocks`.
 * @returns 16 hex characters.
 */
export function hashBlocks(blocks: readonly unknown[]): string {
  return hashText(normalizeForHash(blocks));
}

/**
 * Hash of a step: its plain title and its blocks. Equal to `Step.hash` for a parsed step, so a
 * translation tool can recompute it from a stored Guide.
 *
 * @param step The step's `title` and `blocks`.
 * @returns 16 hex characters.
 */
export function hashStep(step: { title: string; blocks: readonly unknown[] }): string {
  return stepHashOf(step.title, normalizeForHash(step.blocks));
}

/** `hashStep` from an already normalised block list (the parser normalises each section once). */
export function stepHashOf(title: string, normalized: string): string {
  return hashText(`step\u0000${collapse(title).trim()}\u0000${normalized}`);
}

/**
 * Hash of a section: its kind, heading text and blocks. Equal to `Section.hash`.
 *
 * @param section The section's `kind`, `heading` and `blocks`.
 * @returns 16 hex characters.
 */
export function hashSection(section: { kind: string; heading: string | null; blocks: readonly unknown[] }): string {
  return sectionHashOf(section.kind, section.heading, normalizeForHash(section.blocks));
}

/** `hashSection` from an already normalised block list. */
export function sectionHashOf(kind: string, heading: string | null, normalized: string): string {
  const h = heading === null ? '\u0001' : collapse(heading).trim();
  return hashText(`section\u0000${kind}\u0000${h}\u0000${normalized}`);
}

/**
 * Hash of a whole guide: its front matter and its sections' hashes. Equal to `Guide.hash`.
 *
 * @param guide The guide's `frontmatter` and `sections` (each with its `hash`).
 * @returns 16 hex characters.
 */
export function hashGuide(guide: { frontmatter: unknown; sections: readonly { hash: string }[] }): string {
  return hashText(`guide\u0000${stable(guide.frontmatter)}\u0000${guide.sections.map((s) => s.hash).join(',')}`);
}
