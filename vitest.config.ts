import { defineConfig } from 'vitest/config';

/** Two projects: pure libraries run without a database; server tests share a migrated PGlite template. */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'lib', include: ['src/lib/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/contracts/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'server', include: ['src/server/**/*.test.ts'], globalSetup: ['src/server/testing/global-setup.ts'] },
      },
    ],
  },
});
