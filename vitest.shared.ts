import { defineConfig } from 'vitest/config';

/**
 * Shared vitest configuration. The `source` export condition makes workspace packages
 * resolve to their `src/` so tests never need a prior build.
 */
export const shared = defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
