import type { Nodes, Parents } from 'mdast';
import type { UnitRef } from './types.js';

/**
 * The skeleton of a section: what a translation keeps whatever its language — sub-headings and
 * their levels, code blocks and their language, lists, tables, images, MDX components and
 * directives (`:::tip`). Prose is left out: it is what translators change.
 */
export interface Skeleton {
  /** Structure only (`h3`, `code:js`, `list`, `table`, `<Tabs>`, `:::tip`), in order. */
  shape: string[];
  /** Shape plus what should match exactly (image URLs, paragraph count), for the strict pass. */
  detail: string[];
}

const cache = new WeakMap<object, Skeleton>();

/** Directives (`:::tip`, `:::note[Title]`) read as paragraphs when the parser has no directive plugin. */
const DIRECTIVE = /^:::\s*([a-z][\w-]*)/i;

/**
 * The skeleton of one unit, cached per section.
 *
 * @param unit A step or section of a guide.
 * @returns Its shape (for loose matching) and detail (for strict matching).
 */
export function skeletonOf(unit: UnitRef): Skeleton {
  const hit = cache.get(unit.section);
  if (hit) return hit;
  const skeleton: Skeleton = { shape: [`h${unit.section.depth ?? 0}`], detail: [] };
  let paragraphs = 0;
  const visit = (node: Nodes): void => {
    const type = node.type as string;
    const token = tokenOf(node);
    if (token) {
      skeleton.shape.push(token);
      skeleton.detail.push(token);
    }
    if (type === 'paragraph') paragraphs += 1;
    if (type === 'image') skeleton.detail.push(`img:${(node as { url: string }).url}`);
    if (type === 'code' || type === 'html' || type === 'text') return;
    if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes);
  };
  for (const block of unit.section.blocks) visit(block as unknown as Nodes);
  skeleton.detail.unshift(...skeleton.shape.slice(0, 1), `p${paragraphs}`);
  cache.set(unit.section, skeleton);
  return skeleton;
}

function tokenOf(node: Nodes): string | undefined {
  const type = node.type as string;
  switch (type) {
    case 'heading':
      return `h${(node as { depth: number }).depth}`;
    case 'code':
      return `code:${(node as { lang?: string | null }).lang ?? ''}`;
    case 'list':
      return (node as { ordered?: boolean | null }).ordered ? 'ol' : 'ul';
    case 'table':
      return `table:${(node as Parents).children.length}`;
    case 'image':
      return 'img';
    case 'mdxJsxFlowElement':
      return `<${(node as { name?: string | null }).name ?? ''}>`;
    case 'containerDirective':
    case 'leafDirective':
      return `:::${(node as { name: string }).name}`;
    case 'paragraph': {
      const first = (node as Parents).children[0] as { type: string; value?: string } | undefined;
      const match = first?.type === 'text' ? DIRECTIVE.exec(first.value ?? '') : null;
      return match ? `:::${match[1]!.toLowerCase()}` : undefined;
    }
    default:
      return undefined;
  }
}

/** Similarity of two token lists in [0, 1]: twice the common subsequence over the total length. */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  // Small lists (a section's skeleton): a plain LCS table is cheaper than any library call.
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const kept = row[j]!;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j]!, row[j - 1]!);
      diagonal = kept;
    }
  }
  return (2 * row[b.length]!) / (a.length + b.length);
}
