import { expect, it } from 'vitest';

it('pins the public API', async () => {
  expect(Object.keys(await import('../src/index.js')).sort()).toMatchInlineSnapshot(`
    [
      "CONFIG_FILE_NAMES",
      "CONFIG_RULE_ID",
      "ContentRootError",
      "DEFAULT_LOCALE_ALIASES",
      "DUPLICATE_SLUG_RULE_ID",
      "GuideCache",
      "GuidekitConfigSchema",
      "INVALID_LOCALE_RULE_ID",
      "KeywordsEntrySchema",
      "MISSING_IMAGE_RULE_ID",
      "MISSING_TRANSLATION_RULE_ID",
      "NO_STATIC_DIR_RULE_ID",
      "ORPHAN_TRANSLATION_RULE_ID",
      "OUTPUT_FORMATS",
      "PARSE_FAILED_RULE_ID",
      "RuleSettingSchema",
      "WORKERS_FAILED_RULE_ID",
      "canonicalLocale",
      "collectImages",
      "configJsonSchema",
      "defaultCacheDir",
      "defineConfig",
      "discoverGuides",
      "findConfigFile",
      "findStaticDir",
      "frontmatterOverrides",
      "guidekitFingerprint",
      "isSourceLocale",
      "loadConfig",
      "loadContent",
      "localeFromFolder",
      "mergeLocaleAliases",
      "pairTranslations",
      "resolveConfigPath",
      "resolveImage",
      "splitLocaleSuffix",
    ]
  `);
});
