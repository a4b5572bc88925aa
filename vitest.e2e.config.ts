import { defineConfig } from 'vitest/config';

const reportDir = process.env.BULWARK_TEST_REPORT_DIR;
// Journeys that proved timing-sensitive when paired on a loaded two-core machine run one at a time afterwards.
const ALONE = ['e2e/drills.e2e.ts', 'e2e/incidents.e2e.ts', 'e2e/assessments.e2e.ts', 'e2e/programme.e2e.ts'];

/**
 * Browser journeys against real servers. Each file has its own server, data and browsers, and journeys mostly wait
 * on rendering, so two files run at a time; the web build and a seeded template database come from globalSetup.
 */
export default defineConfig({
  test: {
    globalSetup: ['e2e/support/global-setup.ts'],
    pool: 'forks',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'journeys',
          include: ['e2e/**/*.e2e.ts'],
          exclude: ALONE,
          fileParallelism: true,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          include: ALONE,
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
