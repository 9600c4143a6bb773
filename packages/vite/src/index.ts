export {
  dataTypesBody,
  generateDataModules,
  guideModuleCode,
  guideModuleEntries,
  guideModuleTypes,
  indexModuleCode,
  lazyModuleCode,
} from './lib/generate.js';
export type {
  DataFile,
  DataModuleOptions,
  DataSource,
  GuideModuleEntry,
  ImportSpecifierOf,
  TranslationGroupLike,
} from './lib/generate.js';
