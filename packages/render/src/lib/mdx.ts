import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { RootContent } from 'mdast';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { ComponentRegistry } from './components.js';

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
type Handler = NonNullable<Handlers['text']>;
type State = Parameters<Handler>[0];

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** An MDX JSX element, or a `:::name` container (see `groupDirectives`). */
export interface ComponentNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' | 'guidekitDirective';
  name: string | null;
  attributes: JsxAttribute[];
  children: RootContent[];
}

/** The string attributes of a node; expressions (`{...}`) are never evaluated, so they count as absent. */
function stringAttributes(node: ComponentNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of node.attributes) {
    if (a.type === 'mdxJsxAttribute' && a.name && typeof a.value === 'string' && a.name !== '__proto__') out[a.name] = a.value;
  }
  return out;
}

/** Whether a JSX name is an HTML element (`<details>`): the sanitizer decides what survives. */
export function isHtmlName(name: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(name);
}

/**
 * The remark-rehype handler of MDX JSX and `:::` containers: a registered component renders
 * through its renderer, a lowercase JSX name is an HTML element, anything else keeps its children
 * (a `<span>` or `<div>`) so no content is lost; the caller warns about those once per name.
 *
 * @param registry Components by name.
 * @param locale The guide's locale (words a component adds).
 */
export function componentHandler(registry: ComponentRegistry, locale: string): Handler {
  return (state: State, node: ComponentNode) => {
    const name = node.name ?? '';
    const children = state.all(node as never);
    const inline = node.type === 'mdxJsxTextElement';
    const attributes = stringAttributes(node);
    const renderer = node.type === 'guidekitDirective' || !isHtmlName(name) ? registry.get(name) : undefined;
    let result: ElementContent[];
    if (renderer) result = renderer({ name, attributes, children, inline, locale });
    else if (node.type !== 'guidekitDirective' && isHtmlName(name)) result = [{ type: 'element', tagName: name, properties: attributes, children }];
    else result = [{ type: 'element', tagName: inline ? 'span' : 'div', properties: {}, children }];
    const first = result[0];
    if (first?.type === 'element') state.patch(node as never, first);
    return result;
  };
}

const BLOCK_OUT_OF_P = new Set(['aside', 'figure', 'div', 'blockquote', 'ul', 'ol', 'pre', 'table', 'p']);

function isBlank(nodes: ElementContent[]): boolean {
  return nodes.every((n) => (n.type === 'text' && n.value.trim() === '') || (n.type === 'element' && n.tagName === 'br'));
}

/**
 * Split every paragraph around the block elements it holds (`<p>text <aside>…</aside></p>` →
 * `<p>text</p><aside>…</aside>`): a component written on a line of text renders a block, and
 * a block is not allowed in a paragraph. Empty paragraph pieces are dropped.
 *
 * @param parent A hast root or element (mutated).
 */
export function hoistBlocks(parent: HastRoot | Element): void {
  const out: (typeof parent.children)[number][] = [];
  let changed = false;
  for (const node of parent.children) {
    if (node.type !== 'element') {
      out.push(node);
      continue;
    }
    hoistBlocks(node);
    if (node.tagName !== 'p' || !node.children.some((c) => c.type === 'element' && BLOCK_OUT_OF_P.has(c.tagName))) {
      out.push(node);
      continue;
    }
    changed = true;
    let run: ElementContent[] = [];
    const flush = (): void => {
      if (!isBlank(run)) out.push({ ...node, children: run });
      run = [];
    };
    for (const c of node.children) {
      if (c.type === 'element' && BLOCK_OUT_OF_P.has(c.tagName)) {
        flush();
        out.push(c);
      } else run.push(c);
    }
    flush();
  }
  if (changed) parent.children = out as typeof parent.children;
}
