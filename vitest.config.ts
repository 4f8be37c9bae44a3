import { defineConfig } from 'vitest/config';

// One runner for every kind of test; browser and crash tests start their own servers.
export default defineConfig({
  test: {
    include: ['test/**/*.spec.ts', 'test/**/*.contract.spec.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
