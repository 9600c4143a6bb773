import { defineConfig, mergeConfig } from 'vitest/config';
import { shared } from '../../vitest.shared.ts';

// One install serves every test file: the files run one after another in one worker.
export default mergeConfig(
  shared,
  defineConfig({ test: { include: ['test/**/*.test.ts'], fileParallelism: false, testTimeout: 300_000, hookTimeout: 900_000 } }),
);
