// The Astro site of bench/astro: what a user of Astro would write to publish the guides.
// bench/astro/bench.mjs copies this folder into a temporary folder for each run and says
// where the guides are (BENCH_ASTRO_CONTENT) and where the site goes (BENCH_ASTRO_OUT).
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import AutoImport from 'astro-auto-import';

export default defineConfig({
  // The bench links node_modules into each run's copy of this folder: Astro's and Vite's caches
  // (default node_modules/.astro and node_modules/.vite) would land in the shared bench/astro/
  // node_modules and carry over between runs. Here they stay in the run's folder.
  cacheDir: './.astro-cache',
  vite: { cacheDir: './.vite-cache' },
  outDir: process.env.BENCH_ASTRO_OUT ?? './dist',
  // The guides use <Notice> and <Youtube> with no import line: the site injects them, as the
  // blog the corpus comes from does. astro-auto-import must come before mdx().
  integrations: [AutoImport({ imports: ['./src/components/Notice.astro', './src/components/Youtube.astro'] }), mdx()],
});
