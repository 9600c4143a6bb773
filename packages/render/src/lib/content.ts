import type { Guide } from '@guidekit/model';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { highlightCode } from './highlight.js';
import { walk } from './walk.js';
import type { WalkNode } from './walk.js';
import { NOTICE_TYPES, sanitizeSchema } from './sanitize-schema.js';

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
type Handler = NonNullable<Handlers['text']>;
type State = Parameters<Handler>[0];

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
}

/** String value of a JSX attribute; expressions (`{...}`) are never evaluated, so they count as absent. */
function attr(node: JsxNode, name: string): string | undefined {
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return typeof a?.value === 'string' ? a.value : undefined;
}

/** `*<u>Menu</u>*` (a `uiLabel` node from the parser) → `<span class="ui-label">`. */
const uiLabel: Handler = (state: State, node: { children?: RootContent[]; value?: string }) => {
  const children: ElementContent[] = node.children
    ? state.all(node as never)
    : [{ type: 'text', value: node.value ?? '' }];
  const result: Element = { type: 'element', tagName: 'span', properties: { className: ['ui-label'] }, children };
  state.patch(node as never, result);
  return result;
};

/**
 * MDX JSX: the corpus's `<Notice type>` becomes an `<aside>`, `<Youtube id>` a plain link (no
 * third-party frame, so pages make no request outside the site), lowercase names are HTML
 * elements (the sanitizer decides what survives), any other component keeps its children so no
 * content is lost. Attribute expressions are never evaluated.
 */
const jsx: Handler = (state: State, node: JsxNode) => {
  const name = node.name ?? '';
  const children = state.all(node as never);
  let result: Element;
  if (name === 'Notice') {
    const t = attr(node, 'type') ?? 'note';
    const type = (NOTICE_TYPES as readonly string[]).includes(t) ? t : 'note';
    result = {
      type: 'element',
      tagName: 'aside',
      properties: { className: ['notice', `notice-${type}`], role: 'note' },
      children: node.type === 'mdxJsxTextElement' ? children : wrapInline(children),
    };
  } else if (name === 'Youtube' || name === 'YouTube') {
    const id = attr(node, 'id') ?? '';
    const title = attr(node, 'title') ?? 'YouTube';
    const ok = /^[\w-]{1,64}$/.test(id);
    const link: Element = {
      type: 'element',
      tagName: 'a',
      properties: ok ? { href: `https://www.youtube.com/watch?v=${id}` } : {},
      children: [{ type: 'text', value: `▶ ${title} (YouTube)` }],
    };
    result = node.type === 'mdxJsxTextElement' ? link : { type: 'element', tagName: 'p', properties: {}, children: [link] };
  } else if (/^[a-z][a-z0-9-]*$/.test(name)) {
    const properties: Record<string, string> = {};
    for (const a of node.attributes) {
      if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string') properties[a.name] = a.value;
    }
    result = { type: 'element', tagName: name, properties, children };
  } else {
    result = { type: 'element', tagName: node.type === 'mdxJsxTextElement' ? 'span' : 'div', properties: {}, children };
  }
  state.patch(node as never, result);
  return result;
};

/** A flow `<Notice>` written on one line holds phrasing only: give it a paragraph. */
function wrapInline(children: ElementContent[]): ElementContent[] {
  const block = children.some((c) => c.type === 'element' && /^(p|ul|ol|pre|div|blockquote|table|h[1-6])$/.test(c.tagName));
  return block || children.length === 0 ? children : [{ type: 'element', tagName: 'p', properties: {}, children }];
}

/** `<u>…</u>` found as a pair of sibling `html` nodes (see `inlineSimpleHtml`). */
const underline: Handler = (state: State, node: { children: RootContent[] }) => {
  const result: Element = { type: 'element', tagName: 'u', properties: {}, children: state.all(node as never) };
  state.patch(node as never, result);
  return result;
};

/** MDX ESM (`import`) and expressions are code, not content of the page: they render to nothing. */
const nothing: Handler = () => undefined;

const handlers = {
  uiLabel,
  guidekitUnderline: underline,
  mdxJsxFlowElement: jsx,
  mdxJsxTextElement: jsx,
  mdxjsEsm: nothing,
  mdxFlowExpression: nothing,
  mdxTextExpression: nothing,
  yaml: nothing,
  toml: nothing,
} as Handlers;

const remarkOptions: RemarkRehypeOptions = { allowDangerousHtml: true, handlers };

// Two frozen processors, made once: parse5 (rehype-raw) is the costly step, so content without any
// raw HTML skips it. Both sanitize.
const withRaw = unified().use(remarkRehype, remarkOptions).use(rehypeRaw).use(rehypeSanitize, sanitizeSchema).freeze();
const withoutRaw = unified().use(remarkRehype, remarkOptions).use(rehypeSanitize, sanitizeSchema).freeze();

const BR = /^(?:\s*<br\s*\/?>\s*)+$/i;
const OPEN_U = /^<u\s*>$/i;
const CLOSE_U = /^<\/u\s*>$/i;

type Parent = { children: RootContent[] };

/**
 * The fast path for the raw HTML real guides hold: `<br/>` runs and `<u>…</u>` pairs among
 * siblings become `break` and underline nodes, so most sections never need an HTML parser
 * (parse5 through rehype-raw is the costliest step of a page). Anything else stays raw and goes
 * through rehype-raw; everything goes through the sanitizer either way. The input is not changed:
 * changed parents are shallow copies.
 *
 * @param nodes Sibling mdast nodes.
 * @returns The same array when nothing changed, else a new one.
 */
function inlineSimpleHtml(nodes: readonly RootContent[]): RootContent[] {
  let out: RootContent[] | undefined;
  const take = (i: number): RootContent[] => (out ??= nodes.slice(0, i));
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as RootContent;
    if (node.type === 'html' && BR.test(node.value)) {
      const list = take(i);
      const count = node.value.match(/<br/gi)?.length ?? 1;
      for (let k = 0; k < count; k++) list.push({ type: 'break' });
      continue;
    }
    if (isOpenU(node)) {
      let j = i + 1;
      while (j < nodes.length && !isCloseU(nodes[j]) && !isOpenU(nodes[j])) j++;
      if (j < nodes.length && isCloseU(nodes[j])) {
        take(i).push({ type: 'guidekitUnderline', children: inlineSimpleHtml(nodes.slice(i + 1, j)) } as unknown as RootContent);
        i = j;
        continue;
      }
    }
    if ('children' in node && Array.isArray(node.children)) {
      const children = inlineSimpleHtml(node.children as RootContent[]);
      if (children !== node.children) {
        take(i).push({ ...node, children } as RootContent);
        continue;
      }
    }
    if (out) out.push(node);
  }
  return out ?? (nodes as RootContent[]);
}

function isOpenU(n: RootContent | undefined): boolean {
  return n?.type === 'html' && OPEN_U.test(n.value.trim());
}
function isCloseU(n: RootContent | undefined): boolean {
  return n?.type === 'html' && CLOSE_U.test(n.value.trim());
}

function hasHtml(nodes: readonly unknown[]): boolean {
  return !walk(nodes as WalkNode[], (n) => n.type !== 'html');
}

/**
 * Move the headings of a section's content under the section heading rendered at `baseDepth`: a
 * guide's `#####` section with a `######` sub-heading becomes `<h2>` + `<h3>`, so the page has a
 * proper outline (h1 title, h2 sections) whatever levels the author used. Works on the hast
 * (top-level headings of the section only), so the guide's mdast is never copied or changed.
 *
 * @param children Hast of the section's blocks (mutated).
 * @param sectionDepth Depth of the section heading as written, or null.
 * @param baseDepth Depth the section heading is rendered at.
 */
export function shiftHeadings(children: ElementContent[], sectionDepth: number | null, baseDepth: number): void {
  for (const node of children) {
    if (node.type !== 'element') continue;
    const m = /^h([1-6])$/.exec(node.tagName);
    if (!m) continue;
    const depth = Number(m[1]);
    const rel = sectionDepth === null ? 1 : Math.max(1, depth - sectionDepth);
    node.tagName = `h${Math.min(6, baseDepth + rel)}`;
  }
}

/** What to do with images once content is sanitized. */
export type ImageTransform = (img: Element, parent: Element | HastRoot, index: number) => void;

/**
 * Turn mdast blocks of a guide into sanitized, highlighted hast: remark-rehype (with handlers for
 * UI labels and MDX), rehype-raw (only when raw HTML is present), rehype-sanitize, then shiki.
 * Never string concatenation of content.
 *
 * @param blocks mdast nodes (not changed).
 * @returns The hast children.
 */
export async function blocksToHast(blocks: readonly RootContent[]): Promise<ElementContent[]> {
  const mdast = { type: 'root', children: blocks } as MdastRoot;
  if (hasHtml(blocks)) mdast.children = inlineSimpleHtml(blocks);
  const processor = hasHtml(mdast.children) ? withRaw : withoutRaw;
  const tree = (await processor.run(mdast)) as HastRoot;
  await highlightCode(tree);
  return tree.children as ElementContent[];
}

/**
 * Call `images` on every `<img>` of some hast children (which it may replace in its parent).
 *
 * @param children Hast children (mutated).
 * @param images The transform.
 */
export function transformImages(children: ElementContent[], images: ImageTransform): void {
  const root = { type: 'root', children } as unknown as WalkNode;
  walk(root.children as WalkNode[], (node, parent, index) => {
    if (node.type === 'element' && (node as unknown as Element).tagName === 'img') images(node as unknown as Element, (parent ?? root) as unknown as Element, index);
  });
}

/** Plain text of blocks, for JSON-LD step text and meta descriptions. */
export { toString as mdastToString } from 'mdast-util-to-string';

export { imagePosition } from './image-position.js';
