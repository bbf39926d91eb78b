import { expect, test } from '@playwright/test';
import { readContentEvents } from '../support/content';

const events = readContentEvents();
// Permalink ids start with a date, which a CSS #id selector cannot take unescaped.
const byId = (id: string) => `[id="${id}"]`;

test.describe('the timeline', () => {
  test('lists every event once, under its own day, with the days in order', async ({ page }) => {
    await page.goto('/');
    const days = page.locator('.day');
    const dayDates = await days.locator('.day-heading time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(dayDates).toEqual([...dayDates].sort());
    expect(new Set(dayDates).size).toBe(dayDates.length);

    const shown: string[] = [];
    for (const [i, date] of dayDates.entries()) {
      const ids = await days.nth(i).locator('article.event').evaluateAll((els) => els.map((el) => el.id));
      for (const id of ids) {
        expect(events.find((e) => e.id === id)?.date, id).toBe(date);
      }
      shown.push(...ids);
    }
    expect([...shown].sort()).toEqual(events.map((e) => e.id));
  });

  test('names each day with its weekday and marks gaps between days', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.day-heading').first()).toHaveText(/^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} \w+ \d{4}$/);
    const gaps = await page.locator('.day-gap').allTextContents();
    expect(gaps.length).toBe((await page.locator('.day').count()) - 1);
    for (const gap of gaps) expect(gap).toMatch(/^(Next day|\d+ days later)$/);
  });

  test('keeps words apart where elements meet', async ({ page }) => {
    await page.goto('/');
    const metas = page.locator('.event-meta');
    await expect(metas).toHaveCount(await page.locator('article.event').count());
    for (const meta of await metas.allInnerTexts()) expect(meta).toMatch(/local time|Time not reported/);
    // Where two elements meet, a reader must see a space between their words, in every
    // card: "reported)◆ Military" or "Time not reportedMilitary strike" is a defect.
    const glued = await metas.evaluateAll((elements) =>
      elements.flatMap((element) => {
        const shown = (element as HTMLElement).innerText.replace(/\s+/g, ' ');
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        const texts: Text[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent?.trim()) texts.push(node as Text);
        return texts.slice(1).flatMap((text, i) => {
          const before = texts[i];
          if (!before || before.parentElement === text.parentElement) return [];
          const pair = `${before.textContent?.trim()} ${text.textContent?.trim()}`;
          return shown.includes(pair) ? [] : [pair];
        });
      }),
    );
    expect(glued).toEqual([]);
  });

  test('clicking an event opens its permalink', async ({ page }) => {
    const event = events[Math.floor(events.length / 2)];
    if (!event) throw new Error('no events');
    await page.goto('/');
    await page.locator(`${byId(event.id)} h3 a`).click();
    await expect(page).toHaveURL(new RegExp(`/events/${event.id}/$`));
    await expect(page.locator('h1')).toHaveText(event.title);
  });

  test('an event page leads back to its place on the timeline and on to its neighbours', async ({ page }) => {
    await page.goto('/');
    const [a, b] = await page.locator('article.event').evaluateAll((els) => els.map((el) => el.id));
    if (!a || !b) throw new Error('needs two events');
    await page.goto(`/events/${a}/`);
    await page.getByRole('link', { name: /Next event/ }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${b}/$`));
    await page.getByRole('link', { name: /See this on the timeline/ }).click();
    await expect(page).toHaveURL(new RegExp(`/#${b}$`));
    await expect(page.locator(byId(b))).toBeInViewport();
  });
});

test.describe('permalinks', () => {
  const withStatement = events.find((e) => e.statements.length > 1) ?? events.find((e) => e.statements.length > 0);

  test('a statement fragment lands on that statement', async ({ page }) => {
    if (!withStatement) throw new Error('no event has a statement');
    const statement = withStatement.statements.at(-1);
    if (!statement) throw new Error('no statement');
    await page.goto(`/events/${withStatement.id}/#${statement.id}`);
    const target = page.locator(byId(statement.id));
    await expect(target).toBeInViewport();
    await expect(target).toContainText(statement.speaker);
    expect(await target.evaluate((el) => el.matches(':target'))).toBe(true);
  });

  test('every statement links to its own page, which leads back to it in context', async ({ page }) => {
    if (!withStatement) throw new Error('no event has a statement');
    await page.goto(`/events/${withStatement.id}/`);
    for (const statement of withStatement.statements) {
      await expect(page.locator(`${byId(statement.id)} a[href="/statements/${statement.id}/"]`)).toHaveCount(1);
    }
    const statement = withStatement.statements[0];
    if (!statement) throw new Error('no statement');
    await page.locator(`${byId(statement.id)} a[href="/statements/${statement.id}/"]`).click();
    await expect(page.locator('blockquote')).toContainText(statement.quote);
    await expect(page.locator('h1')).toContainText(statement.speaker);
    await page.getByRole('link', { name: /Read it in context/ }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${withStatement.id}/#${statement.id}$`));
    await expect(page.locator(byId(statement.id))).toBeInViewport();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the timeline shows every event', async ({ page }) => {
    await page.goto('/');
    for (const event of events) {
      await expect(page.locator(`${byId(event.id)} h3`)).toHaveText(event.title);
    }
  });

  test('an event page shows its text, statements and sources', async ({ page }) => {
    const event = events.find((e) => e.statements.length > 0) ?? events[0];
    if (!event) throw new Error('no events');
    await page.goto(`/events/${event.id}/`);
    await expect(page.locator('h1')).toHaveText(event.title);
    await expect(page.locator('.prose p').first()).toBeVisible();
    for (const statement of event.statements) {
      await expect(page.locator(`${byId(statement.id)} blockquote`)).toContainText(statement.quote);
    }
    for (const source of event.sources) {
      await expect(page.locator('.sources')).toContainText(source.title);
    }
  });
});

test.describe('locator maps', () => {
  test('the timeline map marks every located place once and names them all', async ({ page }) => {
    await page.goto('/');
    const map = page.getByRole('img', { name: 'Map of the places on this timeline' });
    await expect(map).toBeVisible();
    const caption = (await page.locator('#overview-map-caption').textContent()) ?? '';
    const count = Number(/marks the (\d+) places/.exec(caption)?.[1]);
    await expect(map.locator('.map-point')).toHaveCount(count);
    expect(count).toBeGreaterThan(1);
  });

  test('an event map marks the event’s own places and describes them in words', async ({ page }) => {
    // Its sea and land come from a file of their own (shared by events of the same places).
    const land = page.waitForResponse((response) => /\/maps\/[0-9a-f]{12}\.svg\?v=[0-9a-f]{8}$/.test(response.url()));
    await page.goto('/events/2024-01-15-iran-strikes-erbil-and-idlib/');
    expect((await land).ok()).toBe(true);
    expect((await land).headers()['content-type']).toMatch(/^image\/svg\+xml/);
    const map = page.getByRole('img', { name: 'Map of where this happened' });
    await expect(map.locator('.map-point')).toHaveCount(2);
    await expect(map.locator('.map-point text')).toHaveText(['Erbil', 'Idlib province']);
    await expect(page.locator('#event-map-caption')).toHaveText('The map marks Erbil, Kurdistan Region (Iraq); Idlib province (Syria).');
  });
});
