/**
 * Measures what a reader downloads for a first search: loads /search/ in Chromium,
 * then searches "restraint" in China, and lists every file fetched after the page
 * itself, raw and gzipped. Run with `npm run bench:search` (it builds first).
 */
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumPath, startPreview } from '../support/preview.ts';

const { origin, stop } = await startPreview(4331);
try {
  const executablePath = chromiumPath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  const page = await browser.newPage();
  const files: { path: string; raw: number; gzip: number }[] = [];
  let searching = false;
  page.on('response', async (response) => {
    const phase = searching ? 'search' : 'page';
    const body = await response.body().catch(() => Buffer.alloc(0));
    files.push({ path: `${phase} ${new URL(response.url()).pathname}`, raw: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
  searching = true;
  const started = performance.now();
  await page.getByLabel('Words to find').fill('restraint');
  await page.getByLabel('Country').selectOption('CN');
  await page.locator('#search-status').filter({ hasText: /result/ }).waitFor();
  await page.locator('.result').first().waitFor();
  const elapsed = Math.round(performance.now() - started);
  await page.waitForLoadState('networkidle');
  await browser.close();

  const sum = (phase: string, key: 'raw' | 'gzip') =>
    files.filter((f) => f.path.startsWith(phase)).reduce((total, f) => total + f[key], 0);
  for (const file of files) console.log(`${file.path.padEnd(60)} ${String(file.raw).padStart(8)} B  ${String(file.gzip).padStart(7)} B gzip`);
  console.log(`\nsearch page:  ${sum('page', 'raw')} B (${sum('page', 'gzip')} B gzip)`);
  console.log(`first search: ${sum('search', 'raw')} B (${sum('search', 'gzip')} B gzip), results shown after ${elapsed} ms`);
} finally {
  stop();
}
