/**
 * Measures what a reader downloads for a first search: for each question, opens
 * /search/ in a fresh Chromium page, types the question, presses Enter, and sums every
 * file fetched after the page itself, raw and gzipped. "restraint" searches the whole
 * index; "what did China say" is read as China's statements and searches China's
 * bundle. Then asks the reader-question set (`tests/search/reader-questions.json`) and
 * prints how many it answers in the top 3. Run with `npm run bench:search` (it builds
 * first); `--list` lists the files.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath, startPreview } from '../support/preview.ts';
import { answeredQuestions } from '../support/reader-questions.ts';

export const FIRST_SEARCHES = ['restraint', 'what did China say'];

export interface FirstSearch {
  question: string;
  files: { path: string; raw: number; gzip: number }[];
  raw: number;
  gzip: number;
  ms: number;
}

/** @returns what the first search for `question` on the site at `origin` downloads */
export async function measureFirstSearch(browser: Browser, origin: string, question: string): Promise<FirstSearch> {
  const page = await browser.newPage();
  const files: FirstSearch['files'] = [];
  let searching = false;
  page.on('response', async (response) => {
    if (!searching) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    files.push({ path: new URL(response.url()).pathname, raw: body.length, gzip: gzipSync(body).length });
  });
  await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
  searching = true;
  const started = performance.now();
  await page.getByLabel('Words to find').fill(question);
  await page.getByLabel('Words to find').press('Enter');
  await page.locator('#search-status').filter({ hasText: /\bresults?\b/ }).waitFor();
  await page.locator('.result').first().waitFor();
  const ms = Math.round(performance.now() - started);
  await page.waitForLoadState('networkidle');
  await page.close();
  const sum = (key: 'raw' | 'gzip') => files.reduce((total, file) => total + file[key], 0);
  return { question, files, raw: sum('raw'), gzip: sum('gzip'), ms };
}

if (import.meta.main) {
  const { origin, stop } = await startPreview(4331);
  try {
    const executablePath = chromiumPath();
    const browser = await chromium.launch(executablePath ? { executablePath } : {});
    for (const question of FIRST_SEARCHES) {
      const found = await measureFirstSearch(browser, origin, question);
      if (process.argv.includes('--list')) {
        for (const file of found.files) console.log(`  ${file.path.padEnd(60)} ${String(file.raw).padStart(8)} B  ${String(file.gzip).padStart(7)} B gzip`);
      }
      console.log(`first search “${question}”: ${found.raw} B (${found.gzip} B gzip), results shown after ${found.ms} ms`);
    }
    const { answered, asked, missed } = await answeredQuestions(browser, `${origin}/search/`);
    console.log(`${answered} of ${asked} reader questions answered in the top 3${missed.length > 0 ? ` (missed: ${missed.join('; ')})` : ''}`);
    await browser.close();
  } finally {
    stop();
  }
}
