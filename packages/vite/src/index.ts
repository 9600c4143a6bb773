export * from './generate.js';
export { ambientTypes, guidekit, VIRTUAL_ID, VIRTUAL_LAZY_ID } from './lib/plugin.js';
export type { GuidekitPluginOptions } from './lib/plugin.js';
export { loadGuideSet, parseOneGuide } from './lib/source.js';
export type { GuideEntry, GuideSet } from './lib/source.js';
