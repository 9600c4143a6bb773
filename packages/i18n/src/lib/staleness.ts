import type { Guide, TranslationStamp } from '@guidekit/model';
import { unitsOf } from './align.js';
import type { Baseline } from './types.js';

/**
 * The stamp to record in a translation made from `source`: the source's locale, guide hash,
 * per-step hashes and per-section hashes (`<kind>-<n>` keys, as the aligner names them).
 *
 * @param source The source guide as it is now.
 * @param acknowledged Acknowledgements to carry over.
 * @returns A stamp for `translationOf`.
 */
export function computeStamp(source: Guide, acknowledged?: Record<string, string>): TranslationStamp {
  const steps: Record<string, string> = {};
  const sections: Record<string, string> = {};
  for (const unit of unitsOf(source)) {
    if (unit.section.kind === 'step') {
      if (unit.step && !(unit.step.id in steps)) steps[unit.step.id] = unit.step.hash;
    } else sections[unit.key] = unit.section.hash;
  }
  const stamp: TranslationStamp = { locale: source.locale, hash: source.hash, steps, sections };
  if (acknowledged && Object.keys(acknowledged).length > 0) stamp.acknowledged = acknowledged;
  return stamp;
}

/**
 * The baseline recorded in a translation's `translationOf` front matter, if any.
 *
 * @param translation A parsed translation.
 * @returns A baseline with origin `stamp`, or `undefined`.
 */
export function stampBaseline(translation: Guide): Baseline | undefined {
  const stamp = translation.frontmatter.translationOf;
  if (!stamp) return undefined;
  return {
    origin: 'stamp',
    locale: stamp.locale,
    hash: stamp.hash,
    steps: { ...stamp.steps },
    sections: { ...(stamp.sections ?? {}) },
    acknowledged: { ...(stamp.acknowledged ?? {}) },
  };
}

/**
 * A baseline from the source as it was (read from git history, parsed by the caller).
 *
 * @param sourceThen The old source guide.
 * @param commit The commit it was read at.
 */
export function guideBaseline(sourceThen: Guide, commit?: string): Baseline {
  const stamp = computeStamp(sourceThen);
  return { origin: 'git', locale: stamp.locale, hash: stamp.hash, steps: stamp.steps, sections: stamp.sections ?? {}, acknowledged: {}, commit };
}

/** A unit of the source that changed since the baseline. */
export interface StaleUnit {
  /** `step-3`, or `<kind>-<n>` for sections of an article. */
  key: string;
  /** `changed`: the hash differs; `new`: the baseline does not know the unit. */
  reason: 'changed' | 'new';
}

/**
 * Which units of the source changed since the translation's baseline: steps for tutorials,
 * sections for articles (they have no steps). Acknowledged hashes count as up to date.
 *
 * @param source The source guide as it is now.
 * @param baseline The stamp or git baseline.
 * @returns Stale units in source order.
 */
export function staleUnits(source: Guide, baseline: Baseline): StaleUnit[] {
  const out: StaleUnit[] = [];
  const seen = new Set<string>();
  const useSections = source.steps.length === 0 && Object.keys(baseline.sections).length > 0;
  for (const unit of unitsOf(source)) {
    const isStep = unit.section.kind === 'step';
    if (isStep ? !unit.step : !useSections) continue;
    const key = isStep ? unit.step!.id : unit.key;
    if (seen.has(key)) continue;
    seen.add(key);
    const now = isStep ? unit.step!.hash : unit.section.hash;
    const then = isStep ? baseline.steps[key] : baseline.sections[key];
    if (then === now || baseline.acknowledged[key] === now) continue;
    out.push({ key, reason: then === undefined ? 'new' : 'changed' });
  }
  return out;
}
