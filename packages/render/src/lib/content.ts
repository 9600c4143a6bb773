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
import { sanitizeSchema } from './sanitize-schema.js';
import { componentRegistry } from './components.js';
import type { ComponentRegistry } from './components.js';
import { groupDirectives } from './directives.js';
import { componentHandler, hoistBlocks } from './mdx.js';

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
type Handler = NonNullable<Handlers['text']>;
type State = Parameters<Handler>[0];

/** `*<u>Menu</u>*` (a `uiLabel` node from the parser) → `<span class="ui-label">`. */
const uiLabel: Handler = (state: State, node: { children?: RootContent[]; value?: string }) => {
  const children: ElementContent[] = node.children ? state.all(node as never) : [{ type: 'text', value: node.value ?? '' }];
  const result: Element = { type: 'element', tagName: 'span', properties: { className: ['ui-label'] }, children };
  state.patch(node as never, result);
  return result;
};

/** `<u>…</u>` found as a pair of sibling `html` nodes (see `inlineSimpleHtml`). */
const underline: Handler = (state: State, node: { children: RootContent[] }) => {
  const result: Element = { type: 'element', tagName: 'u', properties: {}, children: state.all(node as never) };
  state.patch(node as never, result);
  return result;
};

/** MDX ESM (`import`) and expressions are code, not content of the page: they render to nothing. */
const nothing: Handler = () => undefined;

const baseHandlers = {
  uiLabel,
  guidekitUnderline: underline,
  mdxjsEsm: nothing,
  mdxFlowExpression: nothing,
  mdxTextExpression: nothing,
  yaml: nothing,
  toml: nothing,
} as Handlers;

interface Processors {
  withRaw: ReturnType<typeof makeProcessor>;
  withoutRaw: ReturnType<typeof makeProcessor>;
}

function makeProcessor(handlers: Handlers, raw: boolean) {
  const options: RemarkRehypeOptions = { allowDangerousHtml: true, handlers };
  const base = unified().use(remarkRehype, options);
  return (raw ? base.use(rehypeRaw) : base).use(rehypeSanitize, sanitizeSchema).freeze();
}

// Two frozen processors per component registry and locale, made once: parse5 (rehype-raw) is the
// costly step, so content without any raw HTML skips it. Both sanitize, after the components ran.
const processorCache = new WeakMap<ComponentRegistry, Map<string, Processors>>();

function processors(registry: ComponentRegistry, locale: string): Processors {
  let perLocale = processorCache.get(registry);
  if (!perLocale) processorCache.set(registry, (perLocale = new Map()));
  let p = perLocale.get(locale);
  if (!p) {
    const component = componentHandler(registry, locale);
    const handlers = {
      ...baseHandlers,
      mdxJsxFlowElement: component,
      mdxJsxTextElement: component,
      guidekitDirective: component,
    } as Handlers;
    p = { withRaw: makeProcessor(handlers, true), withoutRaw: makeProcessor(handlers, false) };
    perLocale.set(locale, p);
  }
  return p;
}

const BR = /^(?:\s*<br\s*\/?>\s*)+$/i;
const OPEN_U = /^<u\s*>$/i;
const CLOSE_U = /^<\/u\s*>$/i;

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
export async function blocksToHast(blocks: readonly RootContent[], options: HastOptions = {}): Promise<ElementContent[]> {
  const mdast = { type: 'root', children: groupDirectives(blocks) } as MdastRoot;
  if (hasHtml(mdast.children)) mdast.children = inlineSimpleHtml(mdast.children);
  const p = processors(options.components ?? componentRegistry(), options.locale ?? 'en');
  const processor = hasHtml(mdast.children) ? p.withRaw : p.withoutRaw;
  const tree = (await processor.run(mdast)) as HastRoot;
  if (mdast.children !== blocks || hasComponents(blocks)) hoistBlocks(tree);
  await highlightCode(tree);
  return tree.children as ElementContent[];
}

/** What the conversion needs besides the blocks. */
export interface HastOptions {
  /** MDX components and `:::` containers by name (default: `componentRegistry()`). */
  components?: ComponentRegistry;
  /** The guide's locale: words a component adds. */
  locale?: string;
}

function hasComponents(nodes: readonly unknown[]): boolean {
  return !walk(nodes as WalkNode[], (n) => n.type !== 'mdxJsxFlowElement' && n.type !== 'mdxJsxTextElement');
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
    if (node.type === 'element' && (node as unknown as Element).tagName === 'img')
      images(node as unknown as Element, (parent ?? root) as unknown as Element, index);
  });
}

/** Plain text of blocks, for JSON-LD step text and meta descriptions. */
export { toString as mdastToString } from 'mdast-util-to-string';

export { imagePosition } from './image-position.js';
