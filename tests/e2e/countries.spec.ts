import { expect, test } from '@playwright/test';
import { readContentEvents } from '../support/content';

const events = readContentEvents();
const statementsByCountry = new Map<string, string[]>();
for (const event of events) {
  for (const statement of event.statements) {
    statementsByCountry.set(statement.country, [...(statementsByCountry.get(statement.country) ?? []), statement.id]);
  }
}

test('the countries page lists every country with its statements and events', async ({ page }) => {
  await page.goto('/countries/');
  for (const [code, ids] of statementsByCountry) {
    const row = page.locator('tbody tr').filter({ has: page.locator(`a[href="/countries/${code.toLowerCase()}/"]`) });
    await expect(row.locator('td').first()).toHaveText(String(ids.length));
  }
});

test('each country’s pages list exactly that country’s statements, in time order, linking to them', async ({ page }) => {
  for (const [code, ids] of statementsByCountry) {
    await page.goto(`/countries/${code.toLowerCase()}/`);
    // A long story splits a country's page; its pages link on with rel="next".
    const shown: (string | null)[] = [];
    const dates: string[] = [];
    for (;;) {
      shown.push(...(await page.locator('[data-statement]').evaluateAll((els) => els.map((el) => el.getAttribute('data-statement')))));
      dates.push(...(await page.locator('[data-statement] time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))));
      const next = page.locator('.pager a[rel="next"]').first();
      if ((await next.count()) === 0) break;
      await next.click();
    }
    expect([...shown].sort(), code).toEqual([...ids].sort());
    expect(dates, code).toEqual([...dates].sort());
  }
  const [code, ids] = [...statementsByCountry][0] ?? [];
  if (!code || !ids?.[0]) throw new Error('no statements');
  await page.goto(`/countries/${code.toLowerCase()}/`);
  await page.locator(`[data-statement="${ids[0]}"] a`).first().click();
  await expect(page.locator(`[id="${ids[0]}"]`)).toBeInViewport();
});

test('a country page leads to everything the country said, on one list in search', async ({ page }) => {
  const [code, ids] = [...statementsByCountry].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!code || !ids) throw new Error('no statements');
  await page.goto(`/countries/${code.toLowerCase()}/`);
  await page.getByRole('link', { name: /^Everything .+ said/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search/\\?country=${code}&type=statement$`));
  await expect(page.getByLabel('Country')).toHaveValue(code);
  await expect(page.locator('#search-status')).toHaveText(new RegExp(`^${ids.length} results?`));
});
