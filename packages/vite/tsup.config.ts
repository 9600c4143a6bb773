import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// A second entry: the generators alone (`@guidekit/vite/generate`), for render threads.
export default defineConfig({ ...base, entry: { index: 'src/index.ts', generate: 'src/generate.ts' } });
