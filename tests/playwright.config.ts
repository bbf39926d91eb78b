import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const PORT = 4322;
const root = fileURLToPath(new URL('..', import.meta.url));

// Debian's Chromium where it is installed (CI and the team's machines, which cannot
// download browsers); elsewhere Playwright's own Chromium (`npx playwright install chromium`).
const executablePath =
  process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Chromium's own background traffic has nowhere to go on a closed network.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // The production build, as readers get it; `npm test` builds it first.
    command: `"${process.execPath}" node_modules/astro/bin/astro.mjs preview --port ${PORT}`,
    cwd: root,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
