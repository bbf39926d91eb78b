import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './support/preview.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const astro = `"${process.execPath}" node_modules/astro/bin/astro.mjs`;
// Two checkouts on one machine run their browser tests apart with TIMELINE_TEST_PORT.
const SITE_PORT = Number(process.env['TIMELINE_TEST_PORT'] ?? 4322);
const SUBPATH_PORT = SITE_PORT + 1;
const SUBPATH = '/timeline/';
const SUBPATH_DIR = '.test-dist/subpath';

// Debian's Chromium where it is installed (CI and the team's machines, which cannot
// download browsers); elsewhere Playwright's own Chromium (`npx playwright install chromium`).
const executablePath = chromiumPath();

export default defineConfig({
  fullyParallel: true,
  // A stray `.only` would silently skip the rest of the suite, in CI or not.
  forbidOnly: true,
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Chromium's own background traffic has nowhere to go on a closed network.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'site', testDir: './e2e', testIgnore: /subpath/, use: { baseURL: `http://localhost:${SITE_PORT}` } },
    { name: 'subpath', testDir: './e2e', testMatch: /subpath/, use: { baseURL: `http://localhost:${SUBPATH_PORT}${SUBPATH}` } },
    // Run by `npm run check:site`: accessibility, keyboard and security over the built site.
    { name: 'quality', testDir: './quality', use: { baseURL: `http://localhost:${SITE_PORT}` } },
  ],
  webServer: [
    {
      // The production build, as readers get it; `npm test` builds it first.
      command: `${astro} preview --ignore-lock --port ${SITE_PORT}`,
      cwd: root,
      url: `http://localhost:${SITE_PORT}/`,
      reuseExistingServer: false,
      env: { ASTRO_TELEMETRY_DISABLED: '1' },
    },
    {
      // The same site built to live under a sub-path, as on a shared host.
      // With a copy of the URL lock, so that this build never rewrites the committed one.
      command: `"${process.execPath}" tests/hermetic/build.ts --outDir ${SUBPATH_DIR} && ${astro} preview --ignore-lock --outDir ${SUBPATH_DIR} --port ${SUBPATH_PORT}`,
      cwd: root,
      url: `http://localhost:${SUBPATH_PORT}${SUBPATH}`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: SUBPATH },
    },
  ],
});
