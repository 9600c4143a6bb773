// The data-module generators alone, without the Vite plugin and its content loader: what a
// render thread of `guidekit-docs build` imports (`@guidekit/vite/generate`), so each thread
// does not load the parser it never uses. `src/index.ts` re-exports all of it.
export {
  dataIndexFiles,
  dataTypesBody,
  generateDataModules,
  guideModuleCode,
  guideModuleEntries,
  guideModulePath,
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
