export { parseGuide, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from './lib/parse.js';
export type { ParseOptions } from './lib/types.js';
export { defaultKeywords, keywordMatcher, matchStepHeading, foldKeyword } from './lib/keywords.js';
export type { KeywordMatcher, KeywordSectionKind, KeywordsOption, LocaleKeywords, StepHeading } from './lib/keywords.js';
export { hashBlocks, hashGuide, hashSection, hashStep, hashText, normalizeForHash } from './lib/hash.js';
export { toPlainText, collapseWhitespace } from './lib/plain-text.js';
export type { UiLabelNode } from './lib/inline.js';
export { parserRules } from './lib/rules.js';
export type { ParserRule, ParserRuleExample } from './lib/rules.js';
