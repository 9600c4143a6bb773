import type { RuleEntry, RuleOverride } from '@guidekit/content';
import type { Diagnostic, Guide, Position, Section, Severity, Step, TranslationStamp } from '@guidekit/model';

/** A guide together with the text it was parsed from (the text makes columns exact). */
export interface GuideDoc {
  guide: Guide;
  /** The file's text; optional, but rules that look at raw syntax are more precise with it. */
  text?: string | undefined;
}

/** A place in a file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

/** Rule setting as written in `guidekit.config.json`: a level, or `[level, options]` (read by `@guidekit/content`'s `resolveRule`). */
export type RuleSetting = RuleEntry;

/** Options shared by the rules. */
export interface I18nOptions {
  /**
   * Extra regular expressions (as strings) whose matches are removed from link URLs before they
   * are compared, for site-specific locale markers (`i18n.linkLocalePatterns` in the config).
   */
  linkLocalePatterns?: readonly string[] | undefined;
  /** Rule settings by id (`i18n/missing-step`): off, warn or error, or `[level, options]`. */
  rules?: Readonly<Record<string, RuleSetting>> | undefined;
  /** Per-path rule settings (`[{ files: "reference/**", rules: { ... } }]`), matched on the translation's path. */
  overrides?: readonly RuleOverride[] | undefined;
}

/**
 * What a translation was made from: per-step and per-section hashes of the source, from a
 * stamp in the translation's front matter or from the source as it was in git history.
 */
export interface Baseline {
  origin: 'stamp' | 'git';
  locale?: string | undefined;
  hash?: string | undefined;
  steps: Record<string, string>;
  sections: Record<string, string>;
  acknowledged: Record<string, string>;
  /** With `origin: 'git'`: the commit and the old source, for side-by-side views. */
  commit?: string | undefined;
  sourceThen?: GuideDoc | undefined;
}

/** One step or section of a guide, with the facts the rules compare. */
export interface UnitRef {
  /** `step-3` for steps, `<kind>-<n>` for other sections (`conclusion-1`). */
  key: string;
  section: Section;
  step?: Step | undefined;
  /** Index among the guide's sections. */
  index: number;
}

/** A source unit paired with its translation unit (either may be missing). */
export interface AlignedUnit {
  key: string;
  source?: UnitRef | undefined;
  translation?: UnitRef | undefined;
  /** True when paired by position because their step numbers differ. */
  numberMismatch?: boolean;
  /** True when the two sections were paired across other sections (the translation moved it). */
  moved?: boolean;
}

/** Steps and sections of a translation paired with its source. */
export interface Alignment {
  /** Every unit in source order, then translation-only units in translation order. */
  units: AlignedUnit[];
  /** Step pairs only (subset of `units`). */
  steps: AlignedUnit[];
  /** Non-step section pairs only (subset of `units`). */
  sections: AlignedUnit[];
}

/** What a rule reports; the rule runner adds file, rule id and severity. */
export interface RuleReport {
  /** Where in the translation (or the file reported on). */
  at?: Position | Place | undefined;
  message: string;
  /** The matching place in the source. */
  related?: Position | Place | undefined;
  data?: Record<string, unknown>;
}

/** Context of a rule about one source/translation pair. */
export interface PairContext {
  slug: string;
  source: GuideDoc;
  translation: GuideDoc;
  alignment: Alignment;
  baseline?: Baseline | undefined;
  options: I18nOptions;
  /** The running rule's own options (`["error", { comments: "compare" }]` gives `{ comments: "compare" }`). */
  ruleOptions: Readonly<Record<string, unknown>>;
  report(report: RuleReport): void;
}

/** Context of a rule about a translation group where one side may be absent. */
export interface GroupContext {
  slug: string;
  /** The locale the translation is (or should be) in. */
  targetLocale: string;
  sourceLocale: string;
  source?: GuideDoc | undefined;
  translation?: GuideDoc | undefined;
  options: I18nOptions;
  /** The running rule's own options. */
  ruleOptions: Readonly<Record<string, unknown>>;
  /** Report on the translation's file, or on the source's when there is no translation. */
  report(report: RuleReport): void;
}

/** A documented example: a source and a translation (Markdown text). */
export interface RuleExample {
  /** Source text (French unless `sourceLocale` says otherwise); omit for a missing source. */
  source?: string;
  /** Translation text (English unless `targetLocale` says otherwise); omit for a missing translation. */
  translation?: string;
  sourceLocale?: string;
  targetLocale?: string;
  /** `mdx` for examples with components and imports (default `md`). */
  format?: 'md' | 'mdx';
  /** For staleness examples: the source as it was when the translation was made. */
  sourceThen?: string;
}

/** Documentation of a rule; `examples` are run by the tests. */
export interface RuleMeta {
  description: string;
  defaultSeverity: Severity;
  /** What the rule checks and why, in a few sentences. */
  docs: string;
  /** `structure` rules must pass on a scaffold; `content` rules judge the translated text. */
  category: 'structure' | 'content' | 'staleness' | 'coverage';
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
}

/** A translation rule. */
export interface Rule {
  id: string;
  meta: RuleMeta;
  /** `pair` rules run only when both sides exist; `group` rules run on every group. */
  scope: 'pair' | 'group';
  check(context: GroupContext, pair: PairContext | undefined): void;
}

/** Re-exported so callers of the rules need one import. */
export type { Diagnostic, TranslationStamp };
