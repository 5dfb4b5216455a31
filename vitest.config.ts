import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { TEST_ARCHIVE_ENV } from './tests/support/test-archive.ts';

// Three tiers (STYLE.md §10): fast unit and fixture tests; checks on the built site in dist/;
// browser tests in Debian's Chromium. `npm test` builds first, then runs them all. A fourth project, `archive`,
// checks an archive of two plans deployed under /plans/ (built once by its global setup), and runs the site's
// structure checks (links, HTML validity, headings, sitemap, redirects) on it too.
/**
 * One test file per core for the projects whose files may run side by side (unit, site): Vitest's default leaves
 * one core free (cores − 1), which on CI's two cores runs every file alone on one core while the other idles.
 * Both projects must say the same: Vitest runs them as one group.
 */
const CORES = availableParallelism();

export default defineConfig({
  test: {
    // Coverage of the pure core, as Starlight measures its utils/: `npm run test:coverage` runs the unit project
    // with it (coverage is a whole-run option in Vitest, so the unit project is chosen on the command line; the
    // site and browser tests also call the core, and would flatter it). The thresholds sit a little below what
    // the unit tests reached when they were set (statements 94.1, branches 87.9, functions 93.5, lines 96.1 %):
    // a change that leaves core code untested fails the run; raise them as tests are added. `npm test` leaves
    // coverage out: V8's counters make the property tests three times slower (about +45 % on the unit project).
    coverage: {
      provider: 'v8',
      include: ['src/plan/**/*.ts', 'src/read/**/*.ts', 'src/compare/**/*.ts', 'src/generate/**/*.ts', 'src/document/**/*.ts'],
      reporter: ['text-summary', ['text', { skipFull: true }], 'html'],
      reportsDirectory: 'coverage',
      // Figures even when a test fails, so a failing run still shows what the core's tests reach.
      reportOnFailure: true,
      thresholds: { statements: 92, branches: 86, functions: 91, lines: 94 },
    },
    projects: [
      // A few unit tests spawn the content step or read PDFs (a second or two each); 30 s leaves room on a busy machine.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000, maxWorkers: CORES } },
      // Site files run one per core beside each other: a test that reads every page of a PDF (the 公文版's QR scan)
      // can need more than 120 s on a busy machine; the limit only stops a hang.
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, maxWorkers: CORES } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          // One Chromium for all the project's files (each connects to it; tests/support/chromium-server.ts).
          globalSetup: ['tests/support/chromium-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: CI has two cores. Within a file, tests marked concurrent (the axe checks, each
          // page in its own renderer) run one per core.
          fileParallelism: false,
          maxConcurrency: CORES,
        },
      },
      {
        test: {
          name: 'archive',
          include: ['tests/archive/**/*.test.ts', 'tests/site/site-structure.test.ts'],
          env: { ...TEST_ARCHIVE_ENV },
          globalSetup: ['tests/support/test-archive.ts', 'tests/support/chromium-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          maxConcurrency: CORES,
        },
      },
      {
        // One site per family of the genre (no sections, three levels, prose first section, traditional
        // characters, 牵头/配合单位 with a 完成时限 below them), built once by its global setup in copies of the
        // project, then checked like the seed's.
        test: {
          name: 'site-families',
          include: ['tests/site-families/**/*.test.ts'],
          globalSetup: ['tests/support/site-families.ts', 'tests/support/chromium-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
