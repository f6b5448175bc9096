import { defineConfig } from 'vitest/config';

/**
 * Tests that use real git stores, run bin/bangchim.js, tmux (the UI end to end), chromium (the HTML
 * notice), LibreOffice and poppler (the DOCX notice)
 * or kill processes (crash). Every other test file is a unit test: pure code on the real seed
 * texts, no process started (`npm run test:unit`, seconds).
 */
const INTEGRATION = [
  'test/app/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/check/check.test.ts',
  'test/diff/cli.test.ts',
  'test/diff/report-html.test.ts',
  'test/notice/browser.test.ts',
  'test/notice/docx.test.ts',
  'test/notice/cli.test.ts',
  'test/parse/html-cli.test.ts',
  // Every store and trust test runs real git: a new file there is an integration test without being listed.
  'test/store/**/*.test.ts',
  'test/trust/**/*.test.ts',
  'test/ui/{e2e,screens,drafts-screens}.test.{ts,tsx}',
];

export default defineConfig({
  test: {
    // Git-backed tests spawn processes; two cores on CI.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: INTEGRATION,
          setupFiles: ['test/setup.ts', 'test/setup-unit.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          setupFiles: ['test/setup.ts'],
          // bin/bangchim.js and the report's workers run the build: bring it up to date once, first.
          globalSetup: ['test/build.ts'],
        },
      },
    ],
  },
});
