/**
 * /data/timelinejs.json as a TimelineJS user would use it: loaded by TimelineJS 3 itself
 * (npm @knight-lab/timelinejs, served from this test, no network) in Chromium.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readContentEvents } from '../support/content';

const dist = 'node_modules/@knight-lab/timelinejs/dist';
const first = [...readContentEvents()].sort((a, b) => a.when.date.localeCompare(b.when.date))[0];

test('TimelineJS 3 shows the story from /data/timelinejs.json', async ({ page, baseURL }) => {
  // A page of TimelineJS's own, on this origin so that it may fetch the data file.
  await page.route('**/timelinejs-test/**', (route) => {
    const file = new URL(route.request().url()).pathname.split('/').pop();
    if (file === 'timeline.js') return route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${dist}/js/timeline.js`, 'utf8') });
    if (file === 'timeline.css') return route.fulfill({ contentType: 'text/css', body: readFileSync(`${dist}/css/timeline.css`, 'utf8') });
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title><link rel="stylesheet" href="timeline.css"></head><body><div id="timeline" style="height:600px"></div><script src="timeline.js"></script><script>window.TL_ERRORS=[];fetch('/data/timelinejs.json').then((r) => r.json()).then((d) => { window.tl = new TL.Timeline('timeline', d, { font: null, hash_bookmark: false }); window.tl.on('dataloaded', () => { window.TL_LOADED = true; }); }).catch((e) => window.TL_ERRORS.push(String(e)));</script></body></html>`,
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseURL}/timelinejs-test/index.html`);
  // Its title slide, then the first event: TimelineJS's own markup.
  await expect(page.locator('.tl-slide-titleslide .tl-headline')).toBeVisible();
  await page.locator('.tl-slidenav-next').first().click();
  await expect(page.locator('.tl-slide .tl-headline').filter({ hasText: first?.title ?? '' }).first()).toBeVisible();
  expect(await page.locator('.tl-timemarker').count()).toBe(readContentEvents().length);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { TL_ERRORS: string[] }).TL_ERRORS)).toEqual([]);
});
