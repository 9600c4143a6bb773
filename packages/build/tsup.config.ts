import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

// A second entry: the render thread's script, loaded by path next to dist/index.js.
export default defineConfig({ ...base, entry: { index: 'src/index.ts', 'render-worker': 'src/lib/render-worker.ts' } });
