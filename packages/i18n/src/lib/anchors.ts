import GithubSlugger from 'github-slugger';
import type { Nodes, Parents } from 'mdast';
import type { Alignment, UnitRef } from './types.js';

/**
 * Anchors of a page and of its translation, paired through the alignment: a translation links
 * `#les-slots` where the source links `#slots` when the heading `Les slots` is aligned with
 * the heading `Slots`. Heading ids are made as Astro, Starlight, GitHub and most site
 * generators make them (github-slugger, numbered when repeated).
 */
export interface AnchorMap {
  /** The translation's heading id aligned with each source heading id. */
  aligned: Map<string, string>;
  /** Every heading id of the source page. */
  source: Set<string>;
  /** Every heading id of the translation. */
  translation: Set<string>;
}

function text(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node ? (node as Parents).children.map((child) => text(child as Nodes)).join('') : '';
}

/** The headings of a unit, in order: its own, then those among its blocks. */
function headings(unit: UnitRef): string[] {
  const out = unit.section.heading === null ? [] : [unit.section.heading];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') out.push(text(node));
    else if (node.type !== 'code' && 'children' in node) for (const child of (node as Parents).children) visit(child as Nodes);
  };
  for (const block of unit.section.blocks) visit(block as unknown as Nodes);
  return out;
}

/** Each unit's heading ids, the units in page order. */
function idsOf(units: readonly UnitRef[]): Map<UnitRef, string[]> {
  const slugger = new GithubSlugger();
  const ids = new Map<UnitRef, string[]>();
  for (const unit of [...units].sort((a, b) => a.index - b.index))
    ids.set(
      unit,
      headings(unit).map((heading) => slugger.slug(heading)),
    );
  return ids;
}

const cache = new WeakMap<Alignment, AnchorMap>();

/**
 * The heading ids of both pages and which translation id stands for which source id (headings
 * of aligned units, paired in order).
 *
 * @param alignment The pair's alignment.
 * @returns The map, computed once per alignment.
 */
export function anchorsOf(alignment: Alignment): AnchorMap {
  const hit = cache.get(alignment);
  if (hit) return hit;
  const sourceIds = idsOf(alignment.units.flatMap((pair) => (pair.source ? [pair.source] : [])));
  const translationIds = idsOf(alignment.units.flatMap((pair) => (pair.translation ? [pair.translation] : [])));
  const aligned = new Map<string, string>();
  for (const pair of alignment.units) {
    if (!pair.source || !pair.translation) continue;
    const from = sourceIds.get(pair.source) ?? [];
    const to = translationIds.get(pair.translation) ?? [];
    // Sub-headings pair in order only when both units have as many (else only the first).
    const count = from.length === to.length ? from.length : Math.min(1, from.length, to.length);
    for (let i = 0; i < count; i++) aligned.set(from[i]!, to[i]!);
  }
  const map: AnchorMap = { aligned, source: new Set([...sourceIds.values()].flat()), translation: new Set([...translationIds.values()].flat()) };
  cache.set(alignment, map);
  return map;
}

/** The id a fragment-only link (`#les-slots`) points at, decoded and lower-cased, or `undefined` for any other link. */
export function fragmentOf(url: string): string | undefined {
  if (!url.startsWith('#') || url.length < 2) return undefined;
  try {
    return decodeURIComponent(url.slice(1)).toLowerCase();
  } catch {
    return url.slice(1).toLowerCase();
  }
}
