import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time at least: vitest's default (cores - 1) runs one at a time on the
    // 2-core CI machine, where a file spends much of its time waiting on its server, its browser
    // or the disk (docs/performance.md, "The suite's time").
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/build-server.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // After the others: timing checks (a reading on screen within a second) should not
          // compete with the integration suite for a 2-core machine.
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Several app nodes on one PostgreSQL and one Redis (TEST_DATABASE_URL, TEST_REDIS_URL):
        // `npm run test:postgres`, which .ci/run runs after starting both servers.
        test: {
          name: 'cluster',
          include: ['tests/cluster/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/build-server.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
