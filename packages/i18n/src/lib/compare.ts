import type { Position } from '@guidekit/model';
import type { AlignedUnit, Place, UnitRef } from './types.js';

/** How a unit is named in messages: `step 3`, `the conclusion`, `section “Résultat”`. */
export function unitName(unit: UnitRef): string {
  const { section, step } = unit;
  if (step) return `step ${step.label}`;
  if (section.kind === 'other') return section.heading ? `section “${section.heading}”` : 'the untitled section';
  if (section.kind === 'footer') return 'the footer';
  return `the ${section.kind === 'prerequisites' ? 'prerequisites' : section.kind}`;
}

/** Where a unit starts (its heading, or its first block). */
export function unitStart(unit: UnitRef): Position {
  return unit.step?.position ?? unit.section.position;
}

/** Pairs whose both sides exist, with the non-null sides typed. */
export function paired(units: readonly AlignedUnit[]): { key: string; source: UnitRef; translation: UnitRef; pair: AlignedUnit }[] {
  const out: { key: string; source: UnitRef; translation: UnitRef; pair: AlignedUnit }[] = [];
  for (const pair of units) {
    if (pair.source && pair.translation) out.push({ key: pair.key, source: pair.source, translation: pair.translation, pair });
  }
  return out;
}

/** Result of comparing two lists as multisets of keys. */
export interface ListDiff<T> {
  /** A translation item in place of a source item (reported as "Unexpected X, expected Y"). */
  changed: [translation: T, source: T][];
  /** Translation items with no source counterpart. */
  extra: T[];
  /** Source items with no translation counterpart. */
  missing: T[];
}

/**
 * Compare two lists as multisets of `key(item)`, then pair leftovers in order so a changed
 * item reads as one difference rather than one extra and one missing.
 */
export function diffLists<T>(source: readonly T[], translation: readonly T[], key: (item: T) => string): ListDiff<T> {
  const remaining = new Map<string, T[]>();
  for (const item of source) {
    const k = key(item);
    const list = remaining.get(k);
    if (list) list.push(item);
    else remaining.set(k, [item]);
  }
  const unmatched: T[] = [];
  for (const item of translation) {
    const list = remaining.get(key(item));
    if (list && list.length > 0) list.shift();
    else unmatched.push(item);
  }
  const missing = source.filter((item) => {
    const list = remaining.get(key(item));
    return list !== undefined && list.includes(item);
  });
  const changed: [T, T][] = [];
  const count = Math.min(unmatched.length, missing.length);
  for (let i = 0; i < count; i++) changed.push([unmatched[i]!, missing[i]!]);
  return { changed, extra: unmatched.slice(count), missing: missing.slice(count) };
}

/** A place from a position or point, if any. */
export function startOf(at: Position | Place | undefined): Place | undefined {
  if (!at) return undefined;
  return 'start' in at ? at.start : at;
}

/**
 * `value` quoted for a message, whole and as written (only runs of white space become one
 * space), so a reader can search for it; messages are never cut.
 */
export function quote(value: string): string {
  return `\`${value.replace(/\s+/g, ' ').trim()}\``;
}
