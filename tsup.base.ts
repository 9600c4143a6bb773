import type { Options } from 'tsup';

/**
 * One shared tsup configuration: ESM + `.d.ts`, Node 20 target.
 * Each package's `tsup.config.ts` spreads it, so moving to another bundler is one file.
 */
export const base: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: false,
  treeshake: true,
};
