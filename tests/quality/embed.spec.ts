/**
 * The embeds as a newsroom uses them: a page on another origin pastes the iframe code
 * the site gives out, with and without the resize script, served with the headers of
 * `_headers` as a static host would serve them.
 */
import type { Server } from 'node:http';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { listen, serveWithHeaders } from '../support/static-host';
import { EMBED_TEMPLATES, TEMPLATES } from '../support/templates';

// Ports this suite's own servers use (the Playwright preview server uses TIMELINE_TEST_PORT).
const SITE_PORT = 4730;
const HOST_PORT = 4731;
// The build's absolute URLs name the default site; the host page points its frames at this server instead.
const BUILT_SITE = process.env['SITE_URL'] ?? 'http://localhost:4321';
const SITE = `http://127.0.0.1:${SITE_PORT}`;
const HOST = `http://localhost:${HOST_PORT}`;

const path = (name: string) => EMBED_TEMPLATES.find((t) => t.name === name)?.path ?? '';
const eventPage = TEMPLATES.find((t) => t.name === 'event')?.path ?? '';
const statementPage = TEMPLATES.find((t) => t.name === 'statement')?.path ?? '';

test.describe.configure({ mode: 'serial' });

let site: Server;
let host: Server;
let pages: Record<string, string> = {};

/** @returns the iframe code a reader copies from a page's Embed control, pointed at the test server */
async function codeFrom(page: Page, pagePath: string): Promise<string> {
  await page.goto(`${SITE}${pagePath}`);
  return (await page.locator('#embed-code').inputValue()).replaceAll(BUILT_SITE, SITE);
}

test.beforeAll(async ({ browser }) => {
  site = await serveWithHeaders('dist', SITE_PORT);
  const page = await browser.newPage();
  const event = await codeFrom(page, eventPage);
  const statement = await codeFrom(page, statementPage);
  await page.close();
  // The whole timeline has no Embed control; its code is the one README gives.
  const timeline = `<iframe src="${SITE}${path('timeline')}" title="Timeline" width="600" height="640" style="width:100%;max-width:600px;border:0" loading="lazy"></iframe>\n<script src="${SITE}/embed/resize.js" async></script>`;
  const shell = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title></head><body><h1>Our story</h1><p>Paragraph.</p>${body}<p>The end.</p></body></html>`;
  pages = {
    '/with-script/': shell(`${timeline}\n${event}\n${statement}`),
    // Without the script: the frames keep the height the code gives them and scroll.
    '/without-script/': shell(event.replace(/<script[^>]*><\/script>/, '')),
    '/framing-a-page/': shell(`<iframe src="${SITE}${eventPage}" title="Full page" width="600" height="400"></iframe>`),
  };
  host = await listen(HOST_PORT, (request, response) => {
    const html = pages[request.url ?? ''];
    response.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(html ?? 'not found');
  });
});

test.afterAll(async () => {
  await Promise.all([site, host].map((server) => new Promise((resolve) => server?.close(resolve))));
});

const frameHeights = (page: Page) =>
  page.locator('iframe').evaluateAll((frames) => frames.map((f) => Math.round(f.getBoundingClientRect().height)));

async function contentHeight(frame: FrameLocator): Promise<number> {
  return frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
}

test('the timeline, an event and a statement render in another site and fit their content with the script', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${HOST}/with-script/`);
  const [timeline, event, statement] = [0, 1, 2].map((i) => page.frameLocator('iframe').nth(i));
  if (!timeline || !event || !statement) throw new Error('three frames expected');
  await expect(timeline.locator('article.event').first()).toBeVisible();
  await expect(event.locator('h1')).toBeVisible();
  await expect(statement.locator('blockquote')).toBeVisible();
  // Each frame ends up exactly as tall as its content, not the height the code gave it (640, 560, 320).
  await expect(async () => {
    const heights = await frameHeights(page);
    const wanted = await Promise.all([timeline, event, statement].map(contentHeight));
    expect(heights).toEqual(wanted);
    expect(heights).not.toEqual([640, 560, 320]);
  }).toPass({ timeout: 10_000 });
  // A message of the right shape from any other origin is ignored.
  const before = await frameHeights(page);
  await page.evaluate(() => window.postMessage({ type: 'news-timeline:resize', height: 5 }, '*'));
  await page.waitForTimeout(200);
  expect(await frameHeights(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('without the script, a frame keeps its height and scrolls its content', async ({ page }) => {
  await page.goto(`${HOST}/without-script/`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('h1')).toBeVisible();
  expect(await frameHeights(page)).toEqual([560]);
  expect(await frame.locator('html').evaluate((html) => html.scrollHeight > html.clientHeight)).toBe(true);
});

test('links in a frame open the full pages in a new tab', async ({ page, context }) => {
  await page.goto(`${HOST}/with-script/`);
  const event = page.frameLocator('iframe').nth(1);
  const [opened] = await Promise.all([context.waitForEvent('page'), event.getByRole('link', { name: /^Open on / }).click()]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(eventPage);
  await expect(opened.locator('nav[aria-label]').first()).toBeVisible();
  // The frame itself stayed where it was.
  await expect(event.locator('h1')).toBeVisible();
  const timeline = page.frameLocator('iframe').first();
  const [fromTimeline] = await Promise.all([context.waitForEvent('page'), timeline.locator('article.event h3 a').first().click()]);
  await fromTimeline.waitForLoadState();
  expect(new URL(fromTimeline.url()).pathname).toMatch(/^\/events\/[^/]+\/$/);
});

test('a page outside /embed/ refuses to be framed by another site', async ({ page, request }) => {
  const response = await request.get(`${SITE}${eventPage}`);
  expect(response.headers()['x-frame-options']).toBe('DENY');
  expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  const embed = await request.get(`${SITE}${path('event')}`);
  expect(embed.headers()['x-frame-options']).toBeUndefined();
  await page.goto(`${HOST}/framing-a-page/`);
  await page.waitForLoadState('load');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // Chromium replaces a refused frame with its own error page: nothing of ours is in it.
  expect(frame?.url()).toMatch(/^chrome-error:/);
  expect(await page.frameLocator('iframe').locator('#event-title').count()).toBe(0);
});
