import { defineConfig } from 'vitest/config';

const reportDir = process.env.BULWARK_TEST_REPORT_DIR;

/** Two projects: pure libraries run without a database; server tests share a migrated PGlite template. */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/unit.json` }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'lib',
          include: [
            'src/lib/**/*.test.ts',
            'src/cli/**/*.test.ts',
            'src/contracts/**/*.test.ts',
            'src/web/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/server/**/*.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
        },
      },
    ],
  },
});
