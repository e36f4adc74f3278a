import { defineConfig } from 'vitest/config';

// One vitest run covers every workspace. Integration tests talk to the real PostgreSQL and
// Redis (see packages/db/src/testing); each test file gets its own database, so files may run
// in parallel on the two cores without seeing each other's rows.
export default defineConfig({
  test: {
    include: [
      'apps/*/src/**/*.test.{ts,tsx}',
      'packages/*/src/**/*.test.{ts,tsx}',
      'apps/*/test/**/*.test.{ts,tsx}',
      'packages/*/test/**/*.test.{ts,tsx}',
    ],
    exclude: ['**/node_modules/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
