export { loadContent } from './lib/load.js';
export type { LoadContentOptions, LoadProgress } from './lib/load.js';
export type { LoadedContent, LoadStats } from './lib/loaded.js';
export { ContentRootError } from './lib/setup.js';
export { INVALID_LOCALE_RULE_ID, frontmatterOverrides } from './lib/read.js';
export { PARSE_FAILED_RULE_ID } from './lib/parse-stage.js';
export {
  CONFIG_FILE_NAMES,
  CONFIG_RULE_ID,
  GuidekitConfigSchema,
  KeywordsEntrySchema,
  OUTPUT_FORMATS,
  RuleSettingSchema,
  configJsonSchema,
  defineConfig,
  findConfigFile,
  isSiteUrl,
  loadConfig,
  resolveConfigPath,
} from './lib/config.js';
export type { GuidekitConfig, GuidekitConfigInput, LoadConfigOptions, LoadedConfig, ResolvedConfig } from './lib/config.js';
export {
  RuleEntrySchema,
  RuleLevelSchema,
  RuleOverridesSchema,
  applyRuleSettings,
  isRuleLevel,
  overrideApplies,
  resolveRule,
  ruleIdMatches,
  severityOfLevel,
} from './lib/rule-settings.js';
export type { ResolvedRule, RuleEntry, RuleLevel, RuleOverride, RuleSettings } from './lib/rule-settings.js';
export { discoverGuides } from './lib/discover.js';
export type { DiscoverOptions, GuideFile } from './lib/discover.js';
export {
  DEFAULT_LOCALE_ALIASES,
  canonicalLocale,
  isSourceLocale,
  localeFromFolder,
  mergeLocaleAliases,
  splitLocaleSuffix,
} from './lib/locale.js';
export {
  DUPLICATE_SLUG_RULE_ID,
  MISSING_TRANSLATION_RULE_ID,
  ORPHAN_TRANSLATION_RULE_ID,
  pairTranslations,
} from './lib/pair.js';
export type { PairOptions, TranslationGroup } from './lib/pair.js';
export {
  MISSING_IMAGE_RULE_ID,
  NO_STATIC_DIR_RULE_ID,
  collectImages,
  findStaticDir,
  resolveImage,
} from './lib/images.js';
export type { ImageUse } from './lib/images.js';
export { GuideCache, defaultCacheDir, guidekitFingerprint } from './lib/cache.js';
export type { CacheRead, EntryLocation, SummaryRead } from './lib/cache.js';
export { outlineOf, summarize } from './lib/summary.js';
export type { GuideSummary } from './lib/summary.js';
export { check } from './lib/check.js';
export type { CheckOptions, CheckResult } from './lib/check.js';
export { applyInlineDirectives, parseDirectives } from './lib/directives.js';
export type { Directive, DirectiveKind } from './lib/directives.js';
export { settleDiagnostics } from './lib/settle.js';
export type { SettleContext } from './lib/settle.js';
