import { fileURLToPath } from 'node:url';
import { guidekit } from '@guidekit/vite';
import { defineConfig } from 'vite';

// The repository's own guides; images like `/images/...` are served from content/static.
const content = fileURLToPath(new URL('../../content', import.meta.url));

export default defineConfig({
  publicDir: fileURLToPath(new URL('../../content/static', import.meta.url)),
  plugins: [guidekit({ content })],
  build: { outDir: 'dist', emptyOutDir: true },
});
