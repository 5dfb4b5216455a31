import { defineConfig } from 'vitest/config';
import { TEST_ARCHIVE_ENV } from './tests/support/test-archive.ts';

// Three tiers (STYLE.md §10): fast unit and fixture tests; checks on the built site in dist/;
// browser tests in Debian's Chromium. `npm test` builds first, then runs them all. A fourth project, `archive`,
// checks an archive of two plans deployed under /plans/ (built once by its global setup), and runs the site's
// structure checks (links, HTML validity, headings, sitemap, redirects) on it too.
export default defineConfig({
  test: {
    projects: [
      // A few unit tests spawn the content step or read PDFs (a second or two each); 30 s leaves room on a busy machine.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 300_000 } },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: CI has two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'archive',
          include: ['tests/archive/**/*.test.ts', 'tests/site/site-structure.test.ts'],
          env: { ...TEST_ARCHIVE_ENV },
          globalSetup: ['tests/support/test-archive.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        // One site per family of the genre (no sections, three levels, prose first section, traditional
        // characters), built once by its global setup in copies of the project, then checked like the seed's.
        test: {
          name: 'site-families',
          include: ['tests/site-families/**/*.test.ts'],
          globalSetup: ['tests/support/site-families.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
