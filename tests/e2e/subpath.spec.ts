// Runs against a build made with BASE_PATH=/timeline/ (see playwright.config.ts).
import { expect, test } from '@playwright/test';

test('under a sub-path, search finds results and links stay under it', async ({ page }) => {
  await page.goto('search/?q=restraint&country=CN');
  const link = page.locator('.result-title a').filter({ hasText: 'Mao Ning' }).first();
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', /^\/timeline\/statements\/mao-ning[a-z0-9-]*\/$/);
  await link.click();
  await expect(page.locator('h1')).toContainText('Mao Ning');
  await expect(page).toHaveURL(/\/timeline\/statements\//);
});

test('under a sub-path, search reads a question with its vocabulary', async ({ page }) => {
  await page.goto('search/?q=what+did+China+say');
  await expect(page.locator('#search-understood .chip').first()).toHaveText('Country: China ×');
  await expect(page.locator('.result-title a').first()).toHaveAttribute('href', /^\/timeline\/statements\//);
});

test('under a sub-path, the timeline links to pages that exist', async ({ page }) => {
  await page.goto('');
  await page.locator('article.event h3 a').first().click();
  await expect(page).toHaveURL(/\/timeline\/events\/[^/]+\/$/);
  await page.getByRole('link', { name: 'Countries' }).click();
  await expect(page).toHaveURL(/\/timeline\/countries\/$/);
  await expect(page.locator('tbody tr').first()).toBeVisible();
});

test('under a sub-path, the embeds, their script and their oEmbed documents are under it', async ({ page, request }) => {
  await page.goto('');
  await page.locator('article.event h3 a').first().click();
  const oembed = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
  expect(new URL(oembed ?? '').pathname).toMatch(/^\/timeline\/oembed\/events\/[^/]+\.json$/);
  const doc = (await (await request.get(new URL(oembed ?? '').pathname)).json()) as { html: string };
  const src = /src="([^"]+)"/.exec(doc.html)?.[1] ?? '';
  expect(new URL(src).pathname).toMatch(/^\/timeline\/embed\/events\/[^/]+\/$/);
  await page.goto(new URL(src).pathname);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByRole('link', { name: /^Open on / })).toHaveAttribute('href', /^\/timeline\/events\//);
  expect((await request.get('/timeline/embed/resize.js')).ok()).toBe(true);
});
