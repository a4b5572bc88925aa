import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const reportDir = process.env.BULWARK_TEST_REPORT_DIR;

/** Pure libraries, contracts, web helpers and the CLI: none of them uses DATABASE_URL (the CLI tests unset it). */
const lib: TestProjectInlineConfiguration = {
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
};

/** Everything that runs on the configured database: PGlite from a migrated template, or DATABASE_URL. */
const server: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'server',
    include: ['src/server/**/*.test.ts'],
    globalSetup: ['src/server/testing/global-setup.ts'],
  },
};

/**
 * Two projects. CI's second pass, on PostgreSQL, sets BULWARK_TEST_DATABASE_ONLY=1 and runs only `server`: `lib`
 * never opens the configured database, so running it again would repeat the PGlite pass exactly.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/unit.json` }]] : ['default'],
    projects: process.env.BULWARK_TEST_DATABASE_ONLY === '1' ? [server] : [lib, server],
  },
});
