/**
 * Serves a built site with `astro preview` for scripts that measure or photograph it,
 * and stops it afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * @param port the port to serve on
 * @param outDir the built site, `dist` by default
 * @returns the origin and a function that stops the server
 */
export async function startPreview(port: number, outDir = 'dist'): Promise<{ origin: string; stop: () => void }> {
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--ignore-lock', '--port', String(port), '--outDir', outDir], {
    stdio: 'ignore',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      server.kill();
      throw new Error(`astro preview did not answer on ${origin} within 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, stop: () => server.kill() };
}

/** @returns Debian's Chromium where it is installed, else Playwright's own */
export function chromiumPath(): string | undefined {
  return process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
}
