import type { Guide } from '@guidekit/model';
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

/**
 * Pair the units of a translation with those of its source: steps by id, then still-unpaired
 * steps by their rank among steps (reported as a number mismatch), other sections by kind and
 * order.
 *
 * @param source The source guide.
 * @param translation The translated guide.
 * @returns All pairs, with step and section pairs also listed apart.
 */
export function alignGuides(source: Guide, translation: Guide): Alignment {
  const sourceUnits = unitsOf(source);
  const translationUnits = unitsOf(translation);
  const byKey = new Map(translationUnits.map((unit) => [unit.key, unit]));
  const used = new Set<UnitRef>();
  const units: AlignedUnit[] = [];
  for (const unit of sourceUnits) {
    const match = byKey.get(unit.key);
    if (match) used.add(match);
    units.push({ key: unit.key, source: unit, translation: match });
  }
  // Steps with no partner of the same id: pair them by rank among steps when both sides have
  // one at that rank, so a renumbered step reads as one number mismatch, not missing + extra.
  const sourceSteps = sourceUnits.filter((unit) => unit.section.kind === 'step');
  const translationSteps = translationUnits.filter((unit) => unit.section.kind === 'step');
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
