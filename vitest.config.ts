import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Three projects: `unit` runs pure logic in Node in milliseconds; `package` rebuilds the extension
// from the source archive `npm run package` writes (an `npm ci` and a build, about a minute); `e2e`
// drives the built extension in real Chromium and Firefox and runs its files one at a time (two
// browsers on two cores is enough).
export default defineConfig({
  // Build-time modules (build.mjs): in Node the tests compute what the build would embed.
  define: { __BROWSER__: '"node"' },
  resolve: { alias: { 'hashiya:fold-data': fileURLToPath(new URL('src/match/fold-data.ts', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/eval/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 900_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
