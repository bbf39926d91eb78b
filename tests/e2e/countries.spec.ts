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

test('each country page lists exactly that country’s statements, in time order, linking to them', async ({ page }) => {
  for (const [code, ids] of statementsByCountry) {
    await page.goto(`/countries/${code.toLowerCase()}/`);
    const shown = await page.locator('[data-statement]').evaluateAll((els) => els.map((el) => el.getAttribute('data-statement')));
    expect([...shown].sort(), code).toEqual([...ids].sort());
    const dates = await page.locator('[data-statement] time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''));
    expect(dates, code).toEqual([...dates].sort());
  }
  const [code, ids] = [...statementsByCountry][0] ?? [];
  if (!code || !ids?.[0]) throw new Error('no statements');
  await page.goto(`/countries/${code.toLowerCase()}/`);
  await page.locator(`[data-statement="${ids[0]}"] a`).first().click();
  await expect(page.locator(`[id="${ids[0]}"]`)).toBeInViewport();
});
