import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * The sources import each other from the root (`@/utils/…`): WXT's plugin resolves it in
 * the unit project, this alias in the projects that run without the plugin.
 */
const ROOT_ALIAS = { alias: { '@': dirname(fileURLToPath(import.meta.url)) } };

export default defineConfig({
  test: {
    // The e2e guard first, so the runner's counts are the last lines printed.
    reporters: ['./tests/e2e/require-both-browsers.ts', 'default'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Saved portal pages link stylesheets and scripts: never fetch them.
          environmentOptions: {
            happyDOM: {
              settings: {
                disableCSSFileLoading: true,
                disableJavaScriptFileLoading: true,
                handleDisabledFileLoadingAsSuccess: true,
              },
            },
          },
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
      {
        resolve: ROOT_ALIAS,
        test: {
          name: 'simulator',
          include: ['tests/simulator/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        resolve: ROOT_ALIAS,
        test: {
          name: 'soak',
          include: ['tests/soak/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/extension-stub.ts', 'fake-indexeddb/auto'],
        },
      },
      {
        resolve: ROOT_ALIAS,
        // Apart from e2e: no browser, nor its build in the working tree; the release is
        // run and built in a clone of its own.
        test: {
          name: 'release',
          include: ['tests/release/**/*.test.ts'],
          environment: 'node',
          // Both stores' packages are built: seconds on a quiet machine, more when busy.
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: ROOT_ALIAS,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/build-once.ts'],
          // Real browsers on two cores: one file at a time, generous timeouts.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
