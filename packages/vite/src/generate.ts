// The typed data-module generators: they live with the `data` format in `@guidekit/render`
// (`@guidekit/render/formats`, which loads no renderer), so `guidekit-docs build --format data`
// and this plugin emit the same modules. Re-exported here for the plugin's users.
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
} from '@guidekit/render/formats';
export type {
  DataFile,
  DataModuleOptions,
  DataSource,
  GuideModuleEntry,
  ImportSpecifierOf,
  TranslationGroupLike,
} from '@guidekit/render/formats';
