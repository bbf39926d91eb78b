/**
 * Photographs the built site as readers see it: the timeline, an event page and the
 * search page with results, at 375 px and 1280 px, light and dark, into screenshots/
 * (ignored by git). Run with `npm run screenshots` (it builds first).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath, startPreview } from '../support/preview.ts';
import { TEMPLATES } from '../support/templates.ts';

const wanted = ['timeline', 'event', 'search with results'];
const { origin, stop } = await startPreview(4332);
try {
  mkdirSync('screenshots', { recursive: true });
  const executablePath = chromiumPath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  for (const { name, path } of TEMPLATES.filter((t) => wanted.includes(t.name))) {
    for (const width of [375, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme, reducedMotion: 'reduce' });
        await page.goto(`${origin}${path}`);
        if (path.startsWith('/search/')) await page.locator('.result').first().waitFor();
        const file = `screenshots/${name.replaceAll(' ', '-')}-${width}-${colorScheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await page.close();
      }
    }
  }
  const print = await browser.newPage();
  await print.goto(`${origin}/`);
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: 'screenshots/timeline-print.png', fullPage: true });
  console.log('screenshots/timeline-print.png');
  await browser.close();
} finally {
  stop();
}
