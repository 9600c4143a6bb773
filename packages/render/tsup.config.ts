import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// A second entry: image path resolution alone (`@guidekit/render/assets`), for planning builds.
export default defineConfig({ ...base, entry: { index: 'src/index.ts', assets: 'src/assets.ts' } });
