import type { Frontmatter, Guide, Section } from '@guidekit/model';
import { KNOWN_FRONTMATTER_KEYS } from '@guidekit/model';
import type { Heading, PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { defaultHandlers, toMarkdown } from 'mdast-util-to-markdown';
import type { Handle, Join, State, Options as ToMarkdownOptions, Unsafe } from 'mdast-util-to-markdown';
import { walk } from '../walk.js';
import type { WalkNode } from '../walk.js';

// Nodes of the guide that need a shape only the source layout tells; kept aside in weak sets, so
// the guide is neither copied nor changed (a mark is a fact about the node in its guide: it stays
// true for as long as the node lives).
const setextHeadings = new WeakSet<object>();
const lazyHtml = new WeakSet<object>();
const LAZY_MARK = '\u0000guidekit-lazy\u0000';

/** A heading kept inside a section (`text` over `---`) must stay setext, or it would open a section. */
const heading: Handle = (node: Heading, parent, state, info) => {
  if (!setextHeadings.has(node)) return defaultHandlers.heading(node, parent, state, info);
  const before = state.options.setext;
  state.options.setext = true;
  try {
    return defaultHandlers.heading(node, parent, state, info);
  } finally {
    state.options.setext = before;
  }
};

/** HTML that sat on a lazy line under a list item's paragraph: marked, un-indented afterwards. */
const html: Handle = (node: { value: string; data?: unknown }, parent, state, info) => {
  const out = (defaultHandlers.html as Handle)(node, parent, state, info);
  return lazyHtml.has(node) ? `${LAZY_MARK}${out}` : out;
};

/**
 * `uiLabel` → `*<u>Label</u>*`, the form the parser reads back as a UI label (mis-nested variants
 * of the source come out normalised).
 */
const uiLabel: Handle = (node: { children?: PhrasingContent[]; value?: string }, _parent, state, info) => {
  const exit = state.enter('emphasis');
  const tracker = state.createTracker(info);
  let value = tracker.move('*<u>');
  value += node.children
    ? tracker.move(state.containerPhrasing(node as never, { before: '>', after: '<', ...tracker.current() }))
    : tracker.move(state.safe(node.value ?? '', { before: '>', after: '<', ...tracker.current() }));
  value += tracker.move('</u>*');
  exit();
  return value;
};

/**
 * The serializer asks each phrasing node for its first character (to escape what comes before
 * it); a handler without a `peek` is run on the whole node once more to find out.
 */
type Peekable = Handle & { peek: Handle };
function withPeek(handle: Handle, peek: Handle): Peekable {
  // A new function: the handler itself stays as it was (the plain serializer below uses it).
  return Object.assign((...args: Parameters<Handle>) => handle(...args), { peek });
}
const uiLabelHandler = withPeek(uiLabel, () => '*');
const htmlHandler = withPeek(html, (defaultHandlers.html as Peekable).peek);

/** Characters any unsafe pattern of a serialization can fire on (see {@link fastSafe}). */
const unsafeCharacters = new WeakMap<readonly Unsafe[], Set<string>>();

/**
 * Text, with a `peek` that gives its first character as the handler would write it without
 * escaping the whole text: a first character no pattern fires on and that is not a backslash
 * comes out as it is; anything else asks the handler itself.
 */
const text = withPeek(defaultHandlers.text as Handle, (node: { value: string }, parent, state, info) => {
  const value = node.value;
  if (value === '') return '';
  let characters = unsafeCharacters.get(state.unsafe);
  if (!characters) {
    characters = new Set(state.unsafe.map((pattern) => pattern.character));
    unsafeCharacters.set(state.unsafe, characters);
  }
  const first = String.fromCodePoint(value.codePointAt(0) as number);
  if (first !== '\\' && !characters.has(first)) return first;
  return defaultHandlers.text(node as never, parent as never, state, info);
});

/**
 * `state.safe` with the same result, cheaper: the serializer runs every unsafe pattern (about fifty,
 * each a regular expression plus a walk up the construct stack) over every piece of text, though a
 * pattern can only fire where its `character` occurs. Patterns whose character is in neither the
 * text nor the characters around it are left out of the call, which leaves the escaping exactly
 * as it was (the round-trip tests hold it to that) and takes a quarter off serializing a guide.
 */
function fastSafe(state: State): State['safe'] {
  const all: Unsafe[] = state.unsafe;
  const safe = state.safe;
  return (input, config) => {
    const around = `${config.before ?? ''}${input ?? ''}${config.after ?? ''}`;
    const relevant = all.filter((pattern) => around.includes(pattern.character));
    if (relevant.length === all.length) return safe.call(state, input, config);
    state.unsafe = relevant;
    try {
      return safe.call(state, input, config);
    } finally {
      state.unsafe = all;
    }
  };
}

/** The root is handled first: it swaps in {@link fastSafe} for the whole serialization. */
const root: Handle = (node, parent, state, info) => {
  state.safe = fastSafe(state);
  return defaultHandlers.root(node, parent, state, info);
};

/**
 * HTML right under a paragraph in a tight list item (`- item` then `<br/>` on the next line) is
 * read as its own block by micromark, so keep it on the next line: the default join puts a blank
 * line there, which would make the item loose and change the tree.
 */
const tightHtml: Join = (left, right) => (lazyHtml.has(right) && left.type === 'paragraph' ? 0 : undefined);

// Markers as the corpus writes them: `-` bullets, `*` emphasis, `**` strong, `---` rules, fenced code.
const baseOptions: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  resourceLink: true,
  handlers: { root, text, uiLabel: uiLabelHandler, heading, html: htmlHandler } as never,
  join: [tightHtml],
};

const mdxOptions: ToMarkdownOptions = { ...baseOptions, extensions: [mdxToMarkdown()] };

// The same serialization without the shortcuts (`fastSafe`, the peeks): what the tests compare
// the output with, byte for byte.
const plainOptions: ToMarkdownOptions = { ...baseOptions, handlers: { uiLabel, heading, html } as never };
const plainMdxOptions: ToMarkdownOptions = { ...plainOptions, extensions: [mdxToMarkdown()] };

/** Front matter back to a plain object: known keys in their usual order, then `extra`. */
function frontmatterObject(fm: Frontmatter): Record<string, unknown> {
  // No prototype: a field named `valueOf` or `__proto__` is a field like any other.
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of KNOWN_FRONTMATTER_KEYS) {
    const v = fm[key];
    if (v !== undefined) out[key] = v;
  }
  for (const [k, v] of Object.entries(fm.extra)) if (!Object.hasOwn(out, k)) out[k] = v;
  return out;
}

// Characters YAML readers refuse raw in a stream (js-yaml: "non-printable"), or may read as line
// breaks, though JSON leaves them as they are: written as `\uXXXX`, which both read alike.
const UNPRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
// Keys YAML 1.1 readers take for booleans or null when written bare.
const SPECIAL_KEY = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

/** A JSON value as YAML: YAML 1.2 reads JSON as the same value (strings stay double-quoted). */
function yamlValue(value: unknown): string {
  return JSON.stringify(value).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) && !SPECIAL_KEY.test(key) ? key : yamlValue(key);
}

/**
 * YAML that gray-matter (YAML 1.1 timestamps!) reads back to the same values: every string is
 * double-quoted, so a date stays the string it was written as and `yes` stays a word. Each value
 * is written as JSON, which YAML reads as it is (lists of plain values as block lists, the way
 * guides write tags); a YAML library's document model cost a fifth of serializing a guide.
 */
function yamlBlock(fm: Frontmatter): string {
  const data = frontmatterObject(fm);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const scalars = Array.isArray(value) && value.length > 0 && value.every((v) => v === null || typeof v !== 'object');
    if (scalars) lines.push(`${yamlKey(key)}:`, ...(value as unknown[]).map((v) => `  - ${yamlValue(v)}`));
    else lines.push(`${yamlKey(key)}: ${yamlValue(value)}`);
  }
  return lines.length === 0 ? '' : `---\n${lines.join('\n')}\n---\n\n`;
}

/**
 * Mark what the serializer must keep: a heading inside a section can only have been a setext
 * heading (`text` over `---`) when, written with `#`, the parser would have opened a section with
 * it: when it is no deeper than the section's own heading, or anywhere under a plain `#` heading
 * (the parser's rule). HTML right after the paragraph of a tight list item was on a lazy line.
 */
function markBlocks(blocks: readonly RootContent[], section: Section): void {
  const depth = section.depth;
  const underPlainTitle = depth === 1 && section.kind === 'other';
  for (const node of blocks) {
    if (node.type === 'heading' && depth !== null && (node.depth <= depth || underPlainTitle)) setextHeadings.add(node);
  }
  walk(blocks as unknown as WalkNode[], (n) => {
    if (n.type !== 'listItem' || n['spread'] !== false || !n.children) return;
    n.children.forEach((child, i) => {
      if (child.type === 'html' && n.children?.[i - 1]?.type === 'paragraph') lazyHtml.add(child);
    });
  });
}

/**
 * A guide as normalised Markdown (`md/<locale>/<slug>.md`): YAML front matter, then every section
 * (its heading, then its blocks) in source order, with one style of markers. Parsing it again
 * with `@guidekit/parser` gives the same steps, blocks and hashes: the round-trip test over the
 * corpus holds it to that. `.mdx` guides keep their JSX and ESM.
 *
 * @param guide The guide.
 * @returns Markdown text ending in a newline.
 */
export function renderMarkdown(guide: Guide): string {
  return serializeGuide(guide, true);
}

/**
 * {@link renderMarkdown}, with or without the serializer shortcuts (internal: the tests check
 * that both give the same bytes).
 *
 * @param guide The guide.
 * @param fast Use `fastSafe` and the peeks.
 */
export function serializeGuide(guide: Guide, fast: boolean): string {
  const children: RootContent[] = [];
  for (const section of guide.sections) {
    if (section.heading !== null) {
      const first = section.blocks[0];
      const keptHeading = first?.type === 'heading' && first.position?.start.line === section.position.start.line;
      if (!keptHeading) {
        const heading: Heading = {
          type: 'heading',
          depth: (section.depth ?? 2) as Heading['depth'],
          children: section.heading === '' ? [] : [{ type: 'text', value: section.heading }],
        };
        children.push(heading);
      }
    }
    markBlocks(section.blocks as unknown as RootContent[], section);
    children.push(...(section.blocks as unknown as RootContent[]));
  }
  const root: MdastRoot = { type: 'root', children };
  const options = fast ? (guide.format === 'mdx' ? mdxOptions : baseOptions) : guide.format === 'mdx' ? plainMdxOptions : plainOptions;
  const body = toMarkdown(root, options)
    .replace(new RegExp(`\\n[ \\t]*${LAZY_MARK}`, 'g'), '\n')
    .replaceAll(LAZY_MARK, '');
  return `${yamlBlock(guide.frontmatter)}${body}`;
}
