import { expect, test } from '@playwright/test';
import { readContentEvents } from '../support/content';
import { checkOembed } from '../support/oembed';

const events = readContentEvents();
const statements = events.flatMap((event) => event.statements.map((statement) => ({ ...statement, event })));
// Absolute URLs in the build come from Astro's `site`, which the test build leaves at its default.
const SITE = process.env['SITE_URL'] ?? 'http://localhost:4321';

const pages = [
  ...events.map((event) => ({ page: `/events/${event.id}/`, frame: `/embed/events/${event.id}/`, title: event.title })),
  ...statements.map((statement) => ({ page: `/statements/${statement.id}/`, frame: `/embed/statements/${statement.id}/`, title: `Statement by ${statement.speaker}` })),
];

test('every event and statement page links to a valid oEmbed document of its frame', async ({ request }) => {
  expect(pages.length).toBeGreaterThan(events.length);
  for (const { page, frame, title } of pages) {
    const html = await (await request.get(page)).text();
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
    expect(link, page).toBeDefined();
    const response = await request.get(new URL(link ?? '').pathname);
    expect(response.ok(), link).toBe(true);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(checkOembed(doc), link).toEqual([]);
    expect(doc).toMatchObject({ type: 'rich', title, width: 600 });
    expect(doc['html']).toContain(`src="${SITE}${frame}"`);
    // The thumbnail is the page's own preview image.
    const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(doc['thumbnail_url']).toBe(ogImage);
    expect((await request.get(new URL(ogImage ?? '').pathname)).ok()).toBe(true);
  }
});

test.describe('the Embed control', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('shows the iframe code, copies it and previews the frame', async ({ page }) => {
    const { page: path, frame } = pages[0] ?? { page: '', frame: '' };
    await page.goto(path);
    await page.getByText('Embed', { exact: true }).click();
    const code = await page.getByLabel('Embed code').inputValue();
    expect(code).toMatch(new RegExp(`^<iframe src="${SITE}${frame}" title="[^"]+" width="600" height="\\d+"[^>]*></iframe>\\n<script src="${SITE}/embed/resize.js" async></script>$`));
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Embed code copied' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // The preview is the frame itself, drawn when the control opens and fitted to its content.
    const preview = page.frameLocator('.embed-preview iframe');
    await expect(preview.locator('h1')).toBeVisible();
    await expect(preview.getByRole('link', { name: /^Open on / })).toBeVisible();
  });

  test('the code and a link to the frame are there without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pages.at(-1)?.page ?? '');
    await page.getByText('Embed', { exact: true }).click();
    await expect(page.getByLabel('Embed code')).toHaveValue(/^<iframe /);
    await page.locator('.embed-preview a').click();
    await expect(page.locator('blockquote')).toBeVisible();
    await context.close();
  });
});

test('an embedded timeline narrows to the days its address asks for, and shows them all without JavaScript', async ({ page, browser }) => {
  const days = [...new Set(events.map((event) => event.when.date.slice(0, 10)))].sort();
  const [from, to] = [days[1], days[2]];
  await page.goto(`/embed/?from=${from}&to=${to}`);
  const shown = await page.locator('.day:visible .day-heading time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
  expect(shown).toEqual([from, to]);
  await expect(page.locator('.embed-range')).toHaveText(`Showing ${from} to ${to}.`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const still = await context.newPage();
  await still.goto(`/embed/?from=${from}&to=${to}`);
  await expect(still.locator('.day:visible')).toHaveCount(days.length);
  await context.close();
});

test('a statement opened in its event inside a frame lands on the statement', async ({ page }) => {
  const statement = statements.at(-1);
  await page.goto(`/embed/events/${statement?.event.id}/#${statement?.id}`);
  await expect(page.locator(`[id="${statement?.id}"]`)).toBeInViewport();
});
