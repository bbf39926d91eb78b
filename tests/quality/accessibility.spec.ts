import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { EMBED_TEMPLATES, TEMPLATES } from '../support/templates';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

for (const width of [375, 1280]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${width} px, ${colorScheme}`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme });

      for (const { name, path } of TEMPLATES) {
        test(`${name} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
          await page.goto(path);
          if (path.startsWith('/search/')) await expect(page.locator('#search-status')).toHaveText(/\bresults?\b|No result/);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
        });
      }

      test('no page scrolls sideways, even at 320 px', async ({ page }) => {
        if (width === 375) await page.setViewportSize({ width: 320, height: 900 });
        for (const { path } of TEMPLATES) {
          await page.goto(path);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
        }
      });
    });
  }
}

// The embeds live in other sites' columns, from 280 px up.
for (const width of [280, 600]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`embeds at ${width} px, ${colorScheme}`, () => {
      test.use({ viewport: { width, height: 700 }, colorScheme });

      for (const { name, path } of EMBED_TEMPLATES) {
        test(`${name} embed has no WCAG 2.2 A/AA violations and does not scroll sideways`, async ({ page }) => {
          await page.goto(path);
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
          expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        });
      }
    });
  }
}
