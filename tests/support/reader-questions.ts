/**
 * The reader-question set (`tests/search/reader-questions.json`): questions in readers'
 * own words, each with the links one of which must be among the first three results.
 * Asked through the real search page in Chromium, by the e2e test and by the benchmark.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';

export interface ReaderQuestion {
  question: string;
  /** Parts of links, any one of which answers the question. */
  expect: string[];
  /** Answered only once the reader follows "Did you mean …?". */
  throughSuggestion?: boolean;
}

export const READER_QUESTIONS = JSON.parse(readFileSync(new URL('../search/reader-questions.json', import.meta.url), 'utf8')) as ReaderQuestion[];

/** A search has finished: the status says how many results, or that there were none. */
const DONE = /\bresults?\b|No result/;

/**
 * Types the question into the search page as a reader would, follows "Did you mean"
 * when the question says so, and reads the first three results' links.
 *
 * @param searchUrl the search page's address
 * @returns the links of the first three results, and whether one answers the question
 */
export async function ask(page: Page, searchUrl: string, { question, expect, throughSuggestion }: ReaderQuestion): Promise<{ top: string[]; answered: boolean }> {
  await page.goto(searchUrl);
  await page.getByLabel('Words to find').fill(question);
  await page.getByLabel('Words to find').press('Enter');
  const status = page.locator('#search-status');
  await status.filter({ hasText: DONE }).waitFor();
  if (throughSuggestion) {
    const before = await status.textContent();
    await page.locator('#search-suggestion a').click();
    await page.waitForFunction((text) => document.querySelector('#search-status')?.textContent !== text, before);
    await status.filter({ hasText: DONE }).waitFor();
  }
  const top = await page.locator('.result-title a').evaluateAll((links) => links.slice(0, 3).map((link) => link.getAttribute('href') ?? ''));
  return { top, answered: top.some((href) => expect.some((part) => href.includes(part))) };
}

/** @returns how many of the reader questions the search page at `searchUrl` answers in its top 3, and which it misses */
export async function answeredQuestions(browser: Browser, searchUrl: string): Promise<{ answered: number; asked: number; missed: string[] }> {
  const page = await browser.newPage();
  const missed: string[] = [];
  for (const question of READER_QUESTIONS) {
    const { answered } = await ask(page, searchUrl, question).catch(() => ({ answered: false }));
    if (!answered) missed.push(question.question);
  }
  await page.close();
  return { answered: READER_QUESTIONS.length - missed.length, asked: READER_QUESTIONS.length, missed };
}
