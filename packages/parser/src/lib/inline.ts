import type { CodeRef, ImageRef, LinkRef, Position } from '@guidekit/model';
import { toPlainText } from './plain-text.js';

/** A node as this pass sees it: mdast, MDX, or the `uiLabel` it creates. */
export interface Node {
  type: string;
  children?: Node[];
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  lang?: string | null;
  meta?: string | null;
  name?: string | null;
  identifier?: string;
  attributes?: { value?: unknown }[];
  data?: unknown;
  position?: Position;
  [key: string]: unknown;
}

/** `{ type: 'uiLabel', value, children, position }`: a UI label the reader clicks. */
export interface UiLabelNode extends Node {
  type: 'uiLabel';
  value: string;
  children: Node[];
}

/** What a section's content references, in document order. */
export interface Refs {
  images: ImageRef[];
  links: LinkRef[];
  code: CodeRef[];
  uiLabels: string[];
  /** For bare URLs: the words before the URL in its text (`Docs : https://…` → `Docs`). */
  bareLabels: Map<LinkRef, string>;
}

/** Link reference definitions of the document, by identifier (`[x]: url`). */
export type Definitions = Map<string, { url: string; title: string | null }>;

const OPEN_U = /^<u\s*>$/i;
const CLOSE_U = /^<\/u\s*>$/i;

function isOpenU(n: Node | undefined): boolean {
  return n?.type === 'html' && typeof n.value === 'string' && OPEN_U.test(n.value.trim());
}
function isCloseU(n: Node | undefined): boolean {
  return n?.type === 'html' && typeof n.value === 'string' && CLOSE_U.test(n.value.trim());
}
function isJsxU(n: Node | undefined): boolean {
  return n?.type === 'mdxJsxTextElement' && n.name === 'u';
}
function isEmphasis(n: Node | undefined): n is Node & { children: Node[] } {
  return n?.type === 'emphasis' && Array.isArray(n.children);
}

function span(from: Node | undefined, to: Node | undefined): Position | undefined {
  const start = from?.position?.start;
  const end = to?.position?.end;
  return start && end ? { start, end } : undefined;
}

function label(children: Node[], position: Position | undefined): UiLabelNode {
  const node: UiLabelNode = { type: 'uiLabel', value: toPlainText(children), children };
  if (position) node.position = position;
  return node;
}

/**
 * Find `*<u>Label</u>*` and the variants real translations hold in one list of siblings, and
 * replace each by a `uiLabel` node. Shapes (Markdown reads `<u>` as raw HTML, MDX as JSX):
 * `*<u>x</u>*`, `<u>*x*</u>`, `<u>*x</u>*`, `*<u>x*</u>`, and MDX's emphasis/`u` element pairs.
 */
function labelSiblings(children: Node[]): Node[] {
  let out: Node[] | undefined;
  for (let i = 0; i < children.length; i++) {
    const a = children[i] as Node;
    let made: UiLabelNode | undefined;
    let used = 1;
    if (isEmphasis(a)) {
      const inner = a.children;
      const first = inner[0];
      const last = inner[inner.length - 1];
      if (inner.length >= 2 && isOpenU(first) && isCloseU(last)) {
        made = label(inner.slice(1, -1), a.position); // *<u>x</u>*
      } else if (inner.length === 1 && isJsxU(first)) {
        made = label(first?.children ?? [], a.position); // MDX *<u>x</u>*
      } else if (inner.length >= 1 && isOpenU(first) && isCloseU(children[i + 1])) {
        made = label(inner.slice(1), span(a, children[i + 1])); // *<u>x*</u>
        used = 2;
      }
    } else if (isOpenU(a)) {
      const b = children[i + 1];
      if (isEmphasis(b)) {
        const inner = b.children;
        if (isCloseU(children[i + 2])) {
          made = label(inner, span(a, children[i + 2])); // <u>*x*</u>
          used = 3;
        } else if (inner.length >= 1 && isCloseU(inner[inner.length - 1])) {
          made = label(inner.slice(0, -1), span(a, b)); // <u>*x</u>*
          used = 2;
        }
      }
    } else if (isJsxU(a)) {
      const inner = a.children ?? [];
      if (inner.length === 1 && isEmphasis(inner[0])) made = label(inner[0].children, a.position); // MDX <u>*x*</u>
    }
    if (made) {
      out ??= children.slice(0, i);
      out.push(made);
      i += used - 1;
    } else if (out) {
      out.push(a);
    }
  }
  return out ?? children;
}

const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/g;

function trimUrl(url: string): string {
  let u = url.replace(/[.,;:!?*_~'"]+$/, '');
  // A closing parenthesis belongs to the URL only when it has an opening one (GFM's rule).
  while (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) {
    u = u.slice(0, -1).replace(/[.,;:!?*_~'"]+$/, '');
  }
  return u;
}

function advance(start: { line: number; column: number; offset?: number | undefined }, text: string, index: number) {
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 1;
    } else column++;
  }
  const point: { line: number; column: number; offset?: number } = { line, column };
  if (start.offset !== undefined) point.offset = start.offset + index;
  return point;
}

/** Context of one pass over a section's blocks. */
export interface InlineContext {
  source: string;
  definitions: Definitions;
}

/**
 * Walk blocks once, top-down: mark UI labels, drop MDX's ESTree data (large, not JSON content),
 * and collect images, links (bare `https://` URLs in text too), code blocks and UI labels in
 * document order.
 *
 * @param blocks The section's blocks (changed in place).
 * @param ctx The source text (to place bare URLs) and the link definitions.
 * @returns The references found.
 */
export function processBlocks(blocks: Node[], ctx: InlineContext): Refs {
  const refs: Refs = { images: [], links: [], code: [], uiLabels: [], bareLabels: new Map() };
  const visit = (node: Node, inLink: boolean, leading: boolean): void => {
    switch (node.type) {
      case 'image': {
        const ref: ImageRef = { url: node.url ?? '', alt: node.alt ?? '' };
        if (node.title) ref.title = node.title;
        if (node.position) ref.position = node.position;
        refs.images.push(ref);
        break;
      }
      case 'imageReference': {
        const def = ctx.definitions.get(node.identifier ?? '');
        if (def) {
          const ref: ImageRef = { url: def.url, alt: node.alt ?? '' };
          if (def.title) ref.title = def.title;
          if (node.position) ref.position = node.position;
          refs.images.push(ref);
        }
        break;
      }
      case 'link':
      case 'linkReference': {
        const url = node.type === 'link' ? node.url : ctx.definitions.get(node.identifier ?? '')?.url;
        if (url !== undefined) {
          const ref: LinkRef = { url, text: toPlainText(node.children ?? []) };
          if (node.position) ref.position = node.position;
          refs.links.push(ref);
        }
        inLink = true;
        break;
      }
      case 'code': {
        const ref: CodeRef = { lang: node.lang ?? null, meta: node.meta ?? null, value: node.value ?? '' };
        if (node.position) ref.position = node.position;
        refs.code.push(ref);
        break;
      }
      case 'uiLabel':
        refs.uiLabels.push(String(node.value));
        break;
      case 'inlineCode':
        // CommonMark turns line endings inside a code span into spaces; micromark keeps them raw,
        // which would make a re-wrapped paragraph look like different content.
        if (typeof node.value === 'string' && node.value.includes('\n')) node.value = node.value.replace(/\r?\n/g, ' ');
        break;
      case 'text':
        if (!inLink && typeof node.value === 'string' && node.value.includes('http')) bareUrls(node, leading);
        break;
      default:
        if (node.type.startsWith('mdx')) cleanMdx(node);
    }
    if (Array.isArray(node.children)) {
      const children = labelSiblings(node.children);
      if (children !== node.children) node.children = children;
      for (let i = 0; i < children.length; i++) visit(children[i] as Node, inLink, i === 0);
    }
  };
  const bareUrls = (node: Node, leading: boolean): void => {
    const value = node.value ?? '';
    const pos = node.position;
    // Offsets inside the value match the file only when nothing was unescaped in between.
    const exact = pos?.start.offset !== undefined && ctx.source.slice(pos.start.offset, pos.end.offset) === value;
    let from = 0;
    for (const m of value.matchAll(BARE_URL)) {
      const url = trimUrl(m[0]);
      const ref: LinkRef = { url, text: url };
      const before = value
        .slice(from, m.index)
        .replace(/[\s:\-–—(]+$/u, '')
        .replace(/^[\s,;.)]+/u, '')
        .trim();
      // Only words that open their paragraph name the URL (`Docs : https://…`), not `see also`.
      if (before && leading && from === 0) refs.bareLabels.set(ref, before.replace(/\s+/g, ' '));
      from = m.index + url.length;
      if (pos && exact) {
        ref.position = { start: advance(pos.start, value, m.index), end: advance(pos.start, value, m.index + url.length) };
      } else if (pos) ref.position = pos;
      refs.links.push(ref);
    }
  };
  for (const block of blocks) visit(block, false, true);
  return refs;
}

function cleanMdx(node: Node): void {
  if ('data' in node) delete node.data;
  if (Array.isArray(node.attributes)) {
    for (const attr of node.attributes as Node[]) {
      if ('data' in attr) delete attr.data;
      const value = attr.value as Node | undefined;
      if (value && typeof value === 'object' && 'data' in value) delete value.data;
    }
  }
}
