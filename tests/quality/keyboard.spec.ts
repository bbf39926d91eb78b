import { expect, test } from '@playwright/test';
import { TEMPLATES } from '../support/templates';

test('the first Tab reaches a visible skip link that moves focus to the content', async ({ page }) => {
  for (const { path } of TEMPLATES) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip, path).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await page.keyboard.press('Tab');
    const pastHeader = await page.evaluate(() => {
      const main = document.getElementById('main');
      const active = document.activeElement;
      return Boolean(main && active && main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING || main?.contains(active));
    });
    expect(pastHeader, `${path}: after the skip link, Tab moves on from the content, not back to the header`).toBe(true);
  }
});

test('focus is always visible and follows the reading order of the header', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const order: string[] = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent?.trim() ?? '', outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    expect(focused.outline, `focus ring on "${focused.text}"`).toBe(true);
    order.push(focused.text);
  }
  const firstEvent = (await page.locator('article.event h3 a').first().textContent())?.trim();
  expect(order.slice(1, 7)).toEqual(['Timeline', 'Countries', 'Search', 'Data', 'About', firstEvent]);
});
