/**
 * An editor's loop in `npm run dev`: every change to an event file reaches the page
 * already open in the browser, a broken entry is shown with the build's own message
 * until it is fixed, a published URL lost by a rename asks for a redirect, and search
 * says it needs a build. Runs `astro dev` on a copy of the events in a temporary
 * folder (src/build/dev-reload.ts).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };

// An editor sees a change in about a second; this is the limit on a loaded machine.
const SHOWN = { timeout: 20_000 };
const EVENT = '2024-01-16-iran-strikes-balochistan';
const EDITED = 'Iran strikes Balochistan, title edited in dev';
const ADDED = '2024-01-25-an-event-added-in-dev';
const ADDED_TITLE = 'An event added while the dev server runs';

let dev: DevServer;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  dev = await startDevServer();
});

test.afterAll(async () => {
  await dev?.stop();
});

/**
 * Follows the page's Vite client, which reloads the page when content changes.
 *
 * @returns a function that changes files once the page just loaded can hear about it
 */
function watchReloads(page: Page): (edit: () => void) => Promise<number> {
  let connected = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) connected = false;
  });
  page.on('console', (message) => {
    if (message.text().includes('[vite] connected')) connected = true;
  });
  return async (edit) => {
    await expect.poll(() => connected, { ...SHOWN, message: 'the page connects to the dev server' }).toBe(true);
    edit();
    return Date.now();
  };
}

/** Opens a page; a live reload for the last change may cut a navigation short, so it goes again. */
async function open(page: Page, url: string): Promise<void> {
  await expect(async () => {
    await page.goto(url, { timeout: 10_000 });
  }).toPass(SHOWN);
}

/** Rewrites a line of an event's front matter, e.g. `title: …`. */
function setField(file: string, field: string, value: string): void {
  const path = join(dev.events, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${value}`);
  expect(next, `${file} has a ${field}`).not.toBe(text);
  writeFileSync(path, next);
}

test('every change to the events shows in the open tab, a broken entry until it is fixed', async ({ page }) => {
  const change = watchReloads(page);
  const times: string[] = [];
  const eventUrl = `${dev.url}events/${EVENT}/`;
  const title = page.locator('#event-title');

  await test.step('an edited title', async () => {
    await open(page, eventUrl);
    await expect(title).toHaveText("Iran strikes inside Pakistan's Balochistan province");
    const start = await change(() => setField(`${EVENT}.md`, 'title', EDITED));
    await expect(title).toHaveText(EDITED, SHOWN);
    times.push(`title edited: ${Date.now() - start} ms`);
  });

  await test.step('a new event on the timeline', async () => {
    await open(page, dev.url);
    const event = ['---', `title: ${ADDED_TITLE}`, 'summary: Added by the dev-server test.', 'published: 2024-01-25', 'kind: talks', 'when:', '  date: 2024-01-25', '  precision: day', '  timeZone: Asia/Karachi', 'countries: [PK]', 'sources:', '  - { id: dev, title: A source, url: "https://example.org/dev" }', '---', '', 'Body.', ''];
    const start = await change(() => writeFileSync(join(dev.events, `${ADDED}.md`), event.join('\n')));
    await expect(page.getByRole('link', { name: ADDED_TITLE })).toHaveAttribute('href', `/events/${ADDED}/`, SHOWN);
    times.push(`event added: ${Date.now() - start} ms`);
  });

  await test.step('a broken entry shows its file and field until it is fixed', async () => {
    await open(page, eventUrl);
    const start = await change(() => setField(`${EVENT}.md`, 'kind', 'not-a-kind'));
    await expect(page.getByText(`events/${EVENT}.md: front matter:`).first()).toBeVisible(SHOWN);
    times.push(`entry broken: ${Date.now() - start} ms`);
    await expect(page.getByText(/kind: Invalid option/).first()).toBeVisible();
    // Not the last good page: the server answers with an error (the overlay shows its message).
    expect((await page.request.get(eventUrl)).status()).toBe(500);

    const fixed = await change(() => setField(`${EVENT}.md`, 'kind', 'military-strike'));
    await expect(title).toHaveText(EDITED, SHOWN);
    times.push(`entry fixed: ${Date.now() - fixed} ms`);
  });

  await test.step('a rule across entries runs again: a second file with the same slug', async () => {
    await change(() => {
      mkdirSync(join(dev.events, 'copy'));
      writeFileSync(join(dev.events, 'copy', `${ADDED}.md`), readFileSync(join(dev.events, `${ADDED}.md`)));
    });
    await expect(page.getByText(`slug "${ADDED}" is already used by`).first()).toBeVisible(SHOWN);
    await change(() => rmSync(join(dev.events, 'copy'), { recursive: true }));
    await expect(title).toHaveText(EDITED, SHOWN);
  });

  await test.step('a draft is unpublished and published again', async () => {
    const addedUrl = `${dev.url}events/${ADDED}/`;
    renameSync(join(dev.events, `${ADDED}.md`), join(dev.events, `_${ADDED}.md`));
    await expect.poll(async () => (await page.request.get(addedUrl)).status(), SHOWN).toBe(404);
    renameSync(join(dev.events, `_${ADDED}.md`), join(dev.events, `${ADDED}.md`));
    await expect.poll(async () => (await page.request.get(addedUrl)).status(), SHOWN).toBe(200);
  });

  await test.step('a renamed event needs a redirect for its published URL', async () => {
    await open(page, dev.url);
    const renamed = `${EVENT}-province`;
    await change(() => renameSync(join(dev.events, `${EVENT}.md`), join(dev.events, `${renamed}.md`)));
    // Shown in the open tab; should its reload have raced the change, once it is opened
    // again. Before src/integrations/fresh-content.ts, about one run in four under load
    // never showed it, however often the page was opened or the file saved again.
    const lost = page.getByText('1 published URL(s) would disappear').first();
    await expect(async () => {
      if (!(await lost.isVisible())) await open(page, dev.url);
      await expect(lost).toBeVisible({ timeout: 5000 });
    }).toPass(SHOWN);
    await expect(page.getByText(`/events/${EVENT}/`).first()).toBeVisible();
    await change(() => writeFileSync(dev.redirects, JSON.stringify({ [`/events/${EVENT}/`]: `/events/${renamed}/` })));
    await expect(page.getByRole('link', { name: EDITED })).toHaveAttribute('href', `/events/${renamed}/`, SHOWN);
  });

  await test.step('a deleted event leaves the timeline', async () => {
    await expect(page.getByRole('link', { name: ADDED_TITLE })).toBeVisible();
    const start = await change(() => rmSync(join(dev.events, `${ADDED}.md`)));
    await expect(page.getByRole('link', { name: ADDED_TITLE })).toHaveCount(0, SHOWN);
    times.push(`event deleted: ${Date.now() - start} ms`);
    expect((await page.request.get(`${dev.url}events/${ADDED}/`)).status()).toBe(404);
  });

  // Measured, not asserted (README, "What npm test runs"): to the next check of the page.
  test.info().annotations.push({ type: 'shown after', description: times.join(', ') });
  console.log(`dev server: changes shown after ${times.join(', ')}`);
});

test('search in dev says that it needs a build, and fetches no index', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(`${dev.url}search/?q=strike`);
  await expect(page.locator('#search-status')).toHaveText(en['search.needsBuild']);
  expect(requested.filter((url) => url.includes('pagefind'))).toEqual([]);
});
