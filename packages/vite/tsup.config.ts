import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// A second entry: the generators alone (`@guidekit/vite/generate`, re-exported from
// `@guidekit/render/formats`), for code that wants them without the plugin.
export default defineConfig({ ...base, entry: { index: 'src/index.ts', generate: 'src/generate.ts' } });
