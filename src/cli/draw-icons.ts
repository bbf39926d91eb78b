/**
 * `npm run icons`: draws the PNG icons listed in src/lib/well-known.ts, and
 * `favicon.ico`, from `public/favicon.svg`, in Chromium, into `public/`. Run it after
 * changing the SVG and commit what it draws: the build only copies them, so it needs
 * no image library.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ICO_SIZES, ICONS, THEME_COLOR, toIco } from '../lib/well-known.ts';

const svg = readFileSync('public/favicon.svg', 'utf8');
// Debian's Chromium where it is installed, else Playwright's own (`npx playwright install chromium`).
const executablePath = process.env['CHROMIUM_PATH'] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const browser = await chromium.launch(executablePath ? { executablePath } : {});

/** @returns the SVG drawn as a PNG of `size` pixels square, its mark `drawn` pixels wide in the middle */
async function draw(size: number, fill: string, drawn = size): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const margin = (size - drawn) / 2;
  await page.setContent(`<style>html,body{margin:0;background:${fill}}svg{display:block;width:${drawn}px;height:${drawn}px;margin:${margin}px}</style>${svg}`);
  const png = await page.screenshot({ omitBackground: fill === 'transparent' });
  await page.close();
  return png;
}

try {
  for (const icon of ICONS) {
    // A maskable or iOS icon fills its square: the platform rounds it, and would show
    // transparent corners as black. The others keep the SVG's own corners.
    const fill = icon.purpose === 'any' ? 'transparent' : THEME_COLOR;
    // A maskable icon may be cut to a circle: its mark is drawn smaller, inside the
    // middle 80% that every mask keeps.
    const drawn = icon.purpose === 'maskable' ? Math.round(icon.size * 0.8) : icon.size;
    const file = join('public', icon.path);
    writeFileSync(file, await draw(icon.size, fill, drawn));
    console.log(`${file} (${icon.size}×${icon.size})`);
  }
  const images = await Promise.all(ICO_SIZES.map(async (size) => ({ size, png: await draw(size, 'transparent') })));
  writeFileSync(join('public', 'favicon.ico'), toIco(images));
  console.log(`public/favicon.ico (${ICO_SIZES.map((size) => `${size}×${size}`).join(', ')})`);
} finally {
  await browser.close();
}
