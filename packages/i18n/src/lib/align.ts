import type { Guide } from '@guidekit/model';
import { diffArrays } from 'diff';
import { similarity, skeletonOf } from './skeleton.js';
import type { AlignedUnit, Alignment, UnitRef } from './types.js';

/**
 * Split a guide into units: one per step (keyed by step id) and one per other section, keyed
 * by `<kind>-<n>` where `n` counts sections of that kind (`other-2` is the second free section).
 * The same keys are used by stamps, so a stamp's `sections` line up with the lint's units.
 *
 * @param guide A parsed guide.
 * @returns Units in file order.
 */
export function unitsOf(guide: Guide): UnitRef[] {
  const counts = new Map<string, number>();
  const steps = new Map(guide.steps.map((step) => [step.id, step]));
  const seenSteps = new Set<string>();
  const units: UnitRef[] = [];
  guide.sections.forEach((section, index) => {
    if (section.kind === 'step' && section.stepId) {
      const step = steps.get(section.stepId);
      // A repeated step id keeps its own unit, under a key that cannot collide.
      const key = seenSteps.has(section.stepId) ? `${section.stepId}#${index}` : section.stepId;
      seenSteps.add(section.stepId);
      units.push({ key, section, step: findStep(guide, section.position.start.line) ?? step, index });
      return;
    }
    const n = (counts.get(section.kind) ?? 0) + 1;
    counts.set(section.kind, n);
    units.push({ key: `${section.kind}-${n}`, section, index });
  });
  return units;
}

function findStep(guide: Guide, line: number) {
  return guide.steps.find((step) => step.position.start.line === line);
}

type Match = (source: UnitRef, translation: UnitRef) => boolean;

/** Section kinds that must agree; a heading-less section (a preamble) only pairs with another. */
const kindOf = (unit: UnitRef) => `${unit.section.kind}${unit.section.heading === null ? ':none' : ''}`;
const sameKind: Match = (a, b) => kindOf(a) === kindOf(b);
const sameDetail: Match = (a, b) => sameKind(a, b) && skeletonOf(a).detail.join(' ') === skeletonOf(b).detail.join(' ');
const sameShape: Match = (a, b) => sameKind(a, b) && skeletonOf(a).shape.join(' ') === skeletonOf(b).shape.join(' ');
const alike: Match = (a, b) => sameKind(a, b) && similarity(skeletonOf(a).shape, skeletonOf(b).shape) >= 0.6;

/**
 * Align two runs of sections with a longest common subsequence at the strictest level, then
 * align what lies between two matches at the next, looser level; at the last level, runs of
 * equal length pair in order (sections rewritten in place), and the rest stays unpaired.
 */
function alignRuns(source: readonly UnitRef[], translation: readonly UnitRef[], levels: readonly Match[], out: Map<UnitRef, UnitRef>): void {
  if (source.length === 0 || translation.length === 0) return;
  const [match, ...looser] = levels;
  // At the loosest level, as many sections on both sides between two anchors are the same
  // sections rewritten: their place is stronger evidence than a loose likeness.
  if (!match || (looser.length === 0 && source.length === translation.length)) {
    if (source.length !== translation.length) return;
    source.forEach((unit, i) => {
      if (sameKind(unit, translation[i]!)) out.set(unit, translation[i]!);
    });
    return;
  }
  let i = 0;
  let j = 0;
  let removed: UnitRef[] = [];
  let added: UnitRef[] = [];
  const flush = () => {
    alignRuns(removed, added, looser, out);
    removed = [];
    added = [];
  };
  for (const change of diffArrays<UnitRef>([...source], [...translation], { comparator: match })) {
    const count = change.count ?? change.value.length;
    if (change.removed) removed.push(...source.slice(i, (i += count)));
    else if (change.added) added.push(...translation.slice(j, (j += count)));
    else {
      flush();
      for (let k = 0; k < count; k++) out.set(source[i + k]!, translation[j + k]!);
      i += count;
      j += count;
    }
  }
  flush();
}

/**
 * Pair non-step sections on their skeletons (see `skeleton.ts`) with a sequence alignment, so a
 * deleted, added or moved section leaves every other pair in place. Sections left over on both
 * sides with the same skeleton are one section moved.
 */
function alignSections(source: readonly UnitRef[], translation: readonly UnitRef[]): AlignedUnit[] {
  const pairs = new Map<UnitRef, UnitRef>();
  alignRuns(source, translation, [sameDetail, sameShape, alike], pairs);
  const used = new Set(pairs.values());
  const moved = new Set<UnitRef>();
  for (const unit of source) {
    if (pairs.has(unit)) continue;
    const strong = (other: UnitRef) => sameDetail(unit, other) || (sameShape(unit, other) && skeletonOf(unit).shape.length > 2);
    const match = translation.find((other) => !used.has(other) && strong(other));
    if (!match) continue;
    pairs.set(unit, match);
    used.add(match);
    moved.add(unit);
  }
  return source.map((unit) => {
    const match = pairs.get(unit);
    return {
      key: unit.key,
      source: unit,
      translation: match,
      ...(moved.has(unit) ? { moved: true } : {}),
    };
  });
}

/**
 * Pair the units of a translation with those of its source: steps by id, then still-unpaired
 * steps by their rank among steps (reported as a number mismatch); other sections by a sequence
 * alignment of their skeletons (headings, code, lists, tables, images, components, directives).
 *
 * @param source The source guide.
 * @param translation The translated guide.
 * @returns All pairs, with step and section pairs also listed apart.
 */
export function alignGuides(source: Guide, translation: Guide): Alignment {
  const sourceUnits = unitsOf(source);
  const translationUnits = unitsOf(translation);
  const isStepUnit = (unit: UnitRef) => unit.section.kind === 'step';
  const byKey = new Map(translationUnits.filter(isStepUnit).map((unit) => [unit.key, unit]));
  const used = new Set<UnitRef>();
  const sectionPairs = alignSections(
    sourceUnits.filter((unit) => !isStepUnit(unit)),
    translationUnits.filter((unit) => !isStepUnit(unit)),
  );
  const bySource = new Map(sectionPairs.map((pair) => [pair.source!, pair]));
  const units: AlignedUnit[] = [];
  for (const unit of sourceUnits) {
    if (!isStepUnit(unit)) {
      const pair = bySource.get(unit)!;
      if (pair.translation) used.add(pair.translation);
      units.push(pair);
      continue;
    }
    const match = byKey.get(unit.key);
    if (match) used.add(match);
    units.push({ key: unit.key, source: unit, translation: match });
  }
  // Steps with no partner of the same id: pair them by rank among steps when both sides have
  // one at that rank, so a renumbered step reads as one number mismatch, not missing + extra.
  const sourceSteps = sourceUnits.filter(isStepUnit);
  const translationSteps = translationUnits.filter(isStepUnit);
  translationSteps.forEach((unit, rank) => {
    if (used.has(unit)) return;
    const partner = sourceSteps[rank];
    if (!partner) return;
    const pair = units.find((candidate) => candidate.source === partner);
    if (!pair || pair.translation) return;
    pair.translation = unit;
    pair.numberMismatch = true;
    used.add(unit);
  });
  for (const unit of translationUnits) {
    if (!used.has(unit)) units.push({ key: unit.key, translation: unit });
  }
  const isStep = (pair: AlignedUnit) => (pair.source ?? pair.translation)?.section.kind === 'step';
  return {
    units,
    steps: units.filter(isStep),
    sections: units.filter((pair) => !isStep(pair)),
  };
}
