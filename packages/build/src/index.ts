export { DEFAULT_FORMATS, availableFormats, build } from './lib/build.js';
export type { BuildOptions, BuildProgress, BuildResult, UnavailableFormat } from './lib/build.js';
export { BuildUsageError, FormatUnavailableError, defineFormat } from './lib/format.js';
export type { DependsOn, Format, FormatContext, GuideInput, OutputFile, RenderOutput, SiteInput } from './lib/format.js';
export { formats } from './lib/registry.js';
export type { JsonFormatOptions } from './lib/formats/json.js';
export { MANIFEST_PATH, readManifest } from './lib/manifest.js';
export type { Manifest, ManifestFile, ManifestUnit } from './lib/manifest.js';
export { BUILD_VERSION } from './lib/version.js';
