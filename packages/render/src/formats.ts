// The format registry and the publishing side of each format (`@guidekit/render/formats`),
// without loading the renderers: each format imports its renderer when it first renders, so a
// no-op build never loads the highlighter or the sanitizer. `src/index.ts` exports the same.
export { defineFormat, FormatUnavailableError } from './lib/format.js';
export type {
  Dependency,
  Format,
  FormatConfig,
  FormatContext,
  GuideInput,
  GuideTranslationState,
  OutputFile,
  RenderOutput,
  SiteInput,
  SiteStepInput,
  SiteWatch,
  SiteWatchInput,
  StaleStep,
} from './lib/format.js';
export { DEFAULT_FORMATS, formats } from './lib/registry.js';
export type { JsonFormatOptions } from './lib/outputs/json.js';
export {
  dataIndexFiles,
  dataTypesBody,
  generateDataModules,
  guideModuleCode,
  guideModuleEntries,
  guideModulePath,
  guideModuleTypes,
  guideTypeLines,
  indexModuleCode,
  lazyModuleCode,
} from './lib/data-modules.js';
export type {
  DataFile,
  DataModuleOptions,
  DataSource,
  GuideModuleEntry,
  ImportSpecifierOf,
  TranslationGroupLike,
} from './lib/data-modules.js';
