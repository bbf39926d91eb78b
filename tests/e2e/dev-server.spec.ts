/**
 * An editor's loop in `npm run dev`: every change to an event file reaches the page
 * already open in the browser, a broken entry is shown with the build's own message
 * until it is fixed, a published URL lost by a rename asks for a redirect, and search
 * says it needs a build. Runs `astro dev` on a copy of
 * the events in a temporary folder (src/build/dev-reload.ts).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startDevServer, type DevServer } from '../support/dev-server.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };

// Well within the 2 seconds an editor waits; generous for a loaded machine.
const SHOWN = { timeout: 20_000 };
const EVENT = '2024-01-16-iran-strikes-balochistan';
const ADDED = '2024-01-25-an-event-added-in-dev';

let dev: DevServer;

test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.beforeAll(async () => {
  dev = await startDevServer();
});

test.afterAll(async () => {
  await dev?.stop();
});

/** Rewrites a line of an event's front matter, e.g. `title: …`. */
function setField(file: string, field: string, value: string): void {
  const path = join(dev.events, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${value}`);
  expect(next, `${file} has a ${field}`).not.toBe(text);
  writeFileSync(path, next);
}

/** Waits until the page shows `text`, without reloading it; returns how long that took. */
async function timeUntilShown(page: Page, change: () => void, text: string | RegExp): Promise<number> {
  const start = Date.now();
  change();
  await expect(page.getByText(text).first()).toBeVisible(SHOWN);
  return Date.now() - start;
}

test('an edit, a new event, a broken entry and a deletion show in the open tab', async ({ page }) => {
  const times: string[] = [];
  const eventUrl = `${dev.url}events/${EVENT}/`;

  await test.step('an edited title', async () => {
    await page.goto(eventUrl);
    await expect(page.locator('#event-title')).toHaveText("Iran strikes inside Pakistan's Balochistan province");
    const took = await timeUntilShown(page, () => setField(`${EVENT}.md`, 'title', 'Iran strikes Balochistan, title edited in dev'), 'Iran strikes Balochistan, title edited in dev');
    await expect(page.locator('#event-title')).toHaveText('Iran strikes Balochistan, title edited in dev');
    times.push(`title edit: ${took} ms`);
  });

  await test.step('a new event on the timeline', async () => {
    await page.goto(dev.url);
    const event = ['---', 'title: An event added while the dev server runs', 'summary: Added by the dev-server test.', 'kind: talks', 'when:', '  date: 2024-01-25', '  precision: day', '  timeZone: Asia/Karachi', 'countries: [PK]', 'sources:', '  - { id: dev, title: A source, url: "https://example.org/dev" }', '---', '', 'Body.', ''];
    const took = await timeUntilShown(page, () => writeFileSync(join(dev.events, `${ADDED}.md`), event.join('\n')), 'An event added while the dev server runs');
    await expect(page.getByRole('link', { name: 'An event added while the dev server runs' })).toHaveAttribute('href', `/events/${ADDED}/`);
    times.push(`new event: ${took} ms`);
  });

  await test.step('a broken entry shows its file and field until it is fixed', async () => {
    await page.goto(eventUrl);
    const message = `events/${EVENT}.md: front matter:`;
    const took = await timeUntilShown(page, () => setField(`${EVENT}.md`, 'kind', 'not-a-kind'), message);
    await expect(page.getByText(/kind: Invalid option/).first()).toBeVisible();
    times.push(`broken entry: ${took} ms`);
    // Not the last good page: the server answers with an error (the overlay shows its message).
    const response = await page.request.get(eventUrl);
    expect(response.status()).toBe(500);

    const back = await timeUntilShown(page, () => setField(`${EVENT}.md`, 'kind', 'military-strike'), 'Iran strikes Balochistan, title edited in dev');
    await expect(page.locator('#event-title')).toHaveText('Iran strikes Balochistan, title edited in dev');
    times.push(`fixed entry: ${back} ms`);
  });

  await test.step('a rule across entries runs again: a second file with the same slug', async () => {
    mkdirSync(join(dev.events, 'copy'));
    writeFileSync(join(dev.events, 'copy', `${ADDED}.md`), readFileSync(join(dev.events, `${ADDED}.md`)));
    await expect(page.getByText(`slug "${ADDED}" is already used by`).first()).toBeVisible(SHOWN);
    rmSync(join(dev.events, 'copy'), { recursive: true });
    await expect(page.locator('#event-title')).toHaveText('Iran strikes Balochistan, title edited in dev', SHOWN);
  });

  await test.step('a draft is unpublished and published again', async () => {
    const addedUrl = `${dev.url}events/${ADDED}/`;
    await page.goto(addedUrl);
    await expect(page.locator('#event-title')).toHaveText('An event added while the dev server runs');
    renameSync(join(dev.events, `${ADDED}.md`), join(dev.events, `_${ADDED}.md`));
    await expect.poll(async () => (await page.request.get(addedUrl)).status(), SHOWN).toBe(404);
    renameSync(join(dev.events, `_${ADDED}.md`), join(dev.events, `${ADDED}.md`));
    await expect.poll(async () => (await page.request.get(addedUrl)).status(), SHOWN).toBe(200);
  });

  await test.step('a renamed event needs a redirect for its published URL', async () => {
    await page.goto(dev.url);
    const renamed = `${EVENT}-province`;
    renameSync(join(dev.events, `${EVENT}.md`), join(dev.events, `${renamed}.md`));
    await expect(page.getByText('1 published URL(s) would disappear').first()).toBeVisible(SHOWN);
    await expect(page.getByText(`/events/${EVENT}/`).first()).toBeVisible();
    writeFileSync(dev.redirects, JSON.stringify({ [`/events/${EVENT}/`]: `/events/${renamed}/` }));
    await expect(page.getByRole('link', { name: 'Iran strikes Balochistan, title edited in dev' })).toHaveAttribute('href', `/events/${renamed}/`, SHOWN);
  });

  await test.step('a deleted event leaves the timeline', async () => {
    await page.goto(dev.url);
    await expect(page.getByRole('link', { name: 'An event added while the dev server runs' })).toBeVisible();
    const start = Date.now();
    rmSync(join(dev.events, `${ADDED}.md`));
    await expect(page.getByRole('link', { name: 'An event added while the dev server runs' })).toHaveCount(0, SHOWN);
    times.push(`deletion: ${Date.now() - start} ms`);
    expect((await page.request.get(`${dev.url}events/${ADDED}/`)).status()).toBe(404);
  });

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
