import type { Nodes, Parents } from 'mdast';
import type { Block, Position } from '@guidekit/model';
import type { Place, UnitRef } from './types.js';

/** A link, image or code block found in a unit, with where it is. */
export interface Located<T> {
  value: T;
  position?: Position | undefined;
  /** For links: written as `[text] (url)`, so Markdown did not read it as a link. */
  broken?: boolean;
  /** For links: the rank of the prose block (paragraph, heading, cell) it is in. */
  block?: number;
}

/** A URL written as text; Markdown without GFM does not link it, but readers follow it. */
const BARE_URL = /(?<![(\[<])\bhttps?:\/\/[^\s<>"'`)\]]+/g;

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?*_~'"]+$/, '');
}

/**
 * `[text] (url)`: a link whose parts a space pulled apart. The `[text` part is optional because
 * a link text holding code or emphasis (`[add \`robots.txt\`] (url)`) reaches the text node of
 * its `] (url)` tail without it.
 */
export const SPACED_LINK = /(?:\[[^\]\n]*)?\][ \t]+\(((?:[a-z][a-z0-9+.-]*:|\/|#|www\.)[^)\s]*)\)/gi;

/** A piece of plain text with its place. */
export interface TextRun {
  value: string;
  position?: Position | undefined;
  /** Inside `*emphasis*` or a UI label: product names and labels, not prose. */
  marked: boolean;
}

/** One paragraph-like block (paragraph, heading, table cell) reduced to its prose. */
export interface ProseBlock {
  /** Prose words only, normalised: no code, URLs, UI labels, emphasised product names, HTML. */
  prose: string;
  /** The same words as written (case and accents kept). */
  raw: string;
  /** The words as written outside link texts (titles of linked pages keep their own language). */
  unlinked?: string | undefined;
  position?: Position | undefined;
}

/** Everything the rules compare about one step or section, computed once. */
export interface UnitFacts {
  images: Located<string>[];
  links: Located<string>[];
  code: Located<{ lang: string | null; value: string; meta?: string | null }>[];
  uiLabels: Located<string>[];
  /** Text runs outside code and HTML (numbers and stray markup are looked for here). */
  text: TextRun[];
  prose: ProseBlock[];
  /** Raw `html` nodes (`<u>`, `</u>`, `<br/>`...). */
  html: Located<string>[];
}

const cache = new WeakMap<object, UnitFacts>();

/**
 * Collect the facts of a unit (its blocks, and for a step its title), cached per section
 * object so the many rules walk each tree once.
 */
export function factsOf(unit: UnitRef): UnitFacts {
  const hit = cache.get(unit.section);
  if (hit) return hit;
  const facts: UnitFacts = { images: [], links: [], code: [], uiLabels: [], text: [], prose: [], html: [] };
  // The heading is prose too (`Définition` left in an English file); for a step, its title
  // without the `Étape 1 :` words, which differ by language anyway.
  const heading = unit.step ? unit.step.title : unit.section.heading;
  if (heading) {
    const start = unit.section.position.start;
    facts.prose.push({ prose: normaliseProse(heading), raw: heading, position: { start, end: { line: start.line, column: start.column + 1 } } });
  }
  for (const block of unit.section.blocks) walkBlock(block as unknown as Nodes, facts);
  cache.set(unit.section, facts);
  return facts;
}

function walkBlock(node: Nodes, facts: UnitFacts): void {
  const type = node.type as string;
  if (type === 'paragraph' || type === 'heading' || type === 'tableCell') {
    const words: string[] = [];
    const linked: string[] = [];
    walkInline(node, facts, false, words, linked);
    const raw = words.join(' ').replace(/\s+/g, ' ').trim();
    const unlinked = linked.length === 0 ? raw : words.filter((word) => !linked.includes(word)).join(' ').replace(/\s+/g, ' ').trim();
    facts.prose.push({ prose: normaliseProse(raw), raw, unlinked, position: node.position });
    return;
  }
  if (type === 'code') {
    const code = node as { lang?: string | null; meta?: string | null; value: string; position?: Position };
    facts.code.push({ value: { lang: code.lang ?? null, value: code.value, meta: code.meta ?? null }, position: code.position });
    return;
  }
  if (type === 'html') {
    facts.html.push({ value: (node as { value: string }).value, position: node.position });
    return;
  }
  if (type === 'image' || type === 'link' || type === 'uiLabel') {
    walkInline(node, facts, false, []);
    return;
  }
  if ('children' in node) {
    for (const child of (node as Parents).children) walkBlock(child as Nodes, facts);
  }
}

function walkInline(node: Nodes, facts: UnitFacts, marked: boolean, words: string[], linked: string[] = []): void {
  const type = node.type as string;
  switch (type) {
    case 'text': {
      const text = node as { value: string; position?: Position };
      const run: TextRun = { value: text.value, position: text.position, marked };
      facts.text.push(run);
      if (!marked) words.push(text.value);
      // `[text] (url)` is a link broken by a space: its URL still counts as the unit's link, so
      // the defect is reported once, as broken Markdown, and not also as a missing link.
      SPACED_LINK.lastIndex = 0;
      for (let match = SPACED_LINK.exec(text.value); match; match = SPACED_LINK.exec(text.value)) {
        const place = placeIn(run, match.index);
        facts.links.push({ value: match[1]!, position: place ? { start: place, end: place } : text.position, broken: true });
      }
      BARE_URL.lastIndex = 0;
      for (let match = BARE_URL.exec(text.value); match; match = BARE_URL.exec(text.value)) {
        const place = placeIn(run, match.index);
        facts.links.push({ value: trimUrl(match[0]), position: place ? { start: place, end: place } : text.position });
      }
      return;
    }
    case 'image': {
      const image = node as { url: string; position?: Position };
      facts.images.push({ value: image.url, position: image.position });
      return;
    }
    case 'link': {
      const link = node as { url: string; position?: Position };
      facts.links.push({ value: link.url, position: link.position, block: facts.prose.length });
      const inner: string[] = [];
      for (const child of (node as Parents).children) walkInline(child as Nodes, facts, marked, inner, linked);
      words.push(...inner);
      linked.push(...inner);
      return;
    }
    case 'uiLabel': {
      const label = node as { value?: string; position?: Position };
      facts.uiLabels.push({ value: label.value ?? '', position: label.position });
      marked = true;
      break;
    }
    case 'emphasis':
      // `*Microsoft 365*` names a product; `**bold**` (prerequisite group labels) is prose.
      marked = true;
      break;
    case 'inlineCode':
      return;
    case 'html':
      facts.html.push({ value: (node as { value: string }).value, position: node.position });
      return;
    default:
      break;
  }
  if ('children' in node) {
    for (const child of (node as Parents).children) {
      const childType = child.type as string;
      if (childType === 'paragraph' || childType === 'code' || childType === 'list') walkBlock(child as Nodes, facts);
      else walkInline(child as Nodes, facts, marked, words, linked);
    }
  }
}

/** Lower-case, strip punctuation and URLs, collapse spaces: two equal strings are the same prose. */
export function normaliseProse(text: string): string {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/**
 * The place of character `offset` inside a text node, counting newlines. Exact when the node's
 * value is its source text (no escapes or entities), close otherwise.
 */
export function placeIn(run: { value: string; position?: Position | undefined }, offset: number): Place | undefined {
  const start = run.position?.start;
  if (!start) return undefined;
  let line = start.line;
  let column = start.column;
  for (let i = 0; i < offset && i < run.value.length; i++) {
    if (run.value[i] === '\n') {
      line += 1;
      column = 1;
    } else column += 1;
  }
  return { line, column };
}

/** A block's position, typed loosely because blocks are mdast nodes. */
export function blockPosition(block: Block | undefined): Position | undefined {
  return block?.position;
}
