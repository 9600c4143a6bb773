export { alignGuides, unitsOf } from './lib/align.js';
export { defineRule } from './lib/rule.js';
export type { GroupRuleDefinition, PairRuleDefinition } from './lib/rule.js';
export { rules } from './lib/rules/index.js';
export { lintPair, lintTranslations, localeMatches } from './lib/lint.js';
export type { LintPairInput, LintTranslationsOptions, TranslationGroupInput } from './lib/lint.js';
export { docOf, groupsOf, historyBaseline, localesOf } from './lib/content.js';
export { lintContent } from './lib/lint-content.js';
export type { ContentI18nOptions } from './lib/content.js';
export type { LintContentOptions } from './lib/lint-content.js';
export { gitHistory } from './lib/git.js';
export type { History } from './lib/git.js';
export { normaliseUrl } from './lib/links.js';
export type { LinkNormaliseOptions } from './lib/links.js';
export { extractNumbers } from './lib/numbers.js';
export type { NumberToken } from './lib/numbers.js';
export { computeStamp, guideBaseline, stampBaseline, staleUnits } from './lib/staleness.js';
export type { StaleUnit } from './lib/staleness.js';
export { stampLines, writeStamp } from './lib/stamp-text.js';
export { acknowledgeText, scaffoldText, stampText } from './lib/scaffold.js';
export { ack, scaffold, scaffoldRun, stamp } from './lib/run-write.js';
export type { ScaffoldRunOptions, WriteOptions, Written } from './lib/run-write.js';
export { lint, status } from './lib/run-lint.js';
export type { LintResult, RunOptions, RunResult, StatusRunResult } from './lib/run-lint.js';
export { codeTokens, preferFastTokenizer } from './lib/code-tokens.js';
export type { CodeCompareOptions, CodeToken } from './lib/code-tokens.js';
export type { ScaffoldOptions } from './lib/scaffold.js';
export { computeStatus, describeState, sliceLines } from './lib/status.js';
export type { GuideStatus, LocaleStatus, StaleDetail, StatusOptions, StatusReport, TranslationState } from './lib/status.js';
export { renderStatusHtml } from './lib/status-html.js';
export type {
  AlignedUnit,
  Alignment,
  Baseline,
  GroupContext,
  GuideDoc,
  I18nOptions,
  PairContext,
  Place,
  Rule,
  RuleExample,
  RuleMeta,
  RuleReport,
  RuleSetting,
  UnitRef,
} from './lib/types.js';
