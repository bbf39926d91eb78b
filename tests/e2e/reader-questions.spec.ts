/**
 * Readers ask in their own words and spellings: each question of the set must bring
 * one of its answers into the first three results of the real search page.
 */
import { expect, test } from '@playwright/test';
import { ask, READER_QUESTIONS } from '../support/reader-questions';

for (const question of READER_QUESTIONS) {
  test(`“${question.question}” finds ${question.expect.join(' or ')} in the top 3`, async ({ page }) => {
    const { top } = await ask(page, 'search/', question);
    expect(top.some((href) => question.expect.some((part) => href.includes(part))), `top 3: ${top.join(', ')}`).toBe(true);
  });
}
