// Image path resolution alone (`@guidekit/render/assets`), without the renderers and the
// highlighter behind them: what a build needs to key and plan its units before it renders
// anything. `src/index.ts` exports the same functions.
export { createAssetReader, createImageInfo, imageDataUri, imageInfoFromBytes, MAX_INLINE_BYTES, resolveAssetPath } from './lib/assets.js';
export type { AssetResolution, AssetRoots } from './lib/assets.js';
