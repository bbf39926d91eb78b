/**
 * `npm run icons`: draws the PNG icons listed in src/lib/well-known.ts from
 * `public/favicon.svg`, in Chromium, into `public/`. Run it after changing the SVG and
 * commit the PNGs: the build only copies them, so it needs no image library.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ICONS, THEME_COLOR } from '../lib/well-known.ts';

const svg = readFileSync('public/favicon.svg', 'utf8');
// Debian's Chromium where it is installed, else Playwright's own (`npx playwright install chromium`).
const executablePath = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const browser = await chromium.launch(executablePath ? { executablePath } : {});
try {
  for (const icon of ICONS) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    // A maskable or iOS icon fills its square: the platform rounds it, and would show
    // transparent corners as black. The others keep the SVG's own corners.
    const fill = icon.purpose === 'any' ? 'transparent' : THEME_COLOR;
    // A maskable icon may be cut to a circle: its mark is drawn smaller, inside the
    // middle 80% that every mask keeps.
    const drawn = icon.purpose === 'maskable' ? Math.round(icon.size * 0.8) : icon.size;
    const margin = (icon.size - drawn) / 2;
    await page.setContent(
      `<style>html,body{margin:0;background:${fill}}svg{display:block;width:${drawn}px;height:${drawn}px;margin:${margin}px}</style>${svg}`,
    );
    const file = join('public', icon.path);
    await page.screenshot({ path: file, omitBackground: icon.purpose === 'any' });
    console.log(`${file} (${icon.size}×${icon.size})`);
    await page.close();
  }
} finally {
  await browser.close();
}
