import { expect, test, type Page } from '@playwright/test';
import { readContentEvents } from '../support/content';

const titles = (page: Page) => page.locator('.result-title');
const status = (page: Page) => page.locator('#search-status');

/**
 * @returns the page's downloads from now on, each listed as it finishes, its size (0 when
 * the browser's copy served it) asked for after: listed only once its size came, a
 * download could land on the wrong side of a count taken between two steps, or too late.
 */
function listDownloads(page: Page): { path: string; bytes: Promise<number> }[] {
  const downloads: { path: string; bytes: Promise<number> }[] = [];
  page.on('requestfinished', (request) => {
    downloads.push({ path: new URL(request.url()).pathname, bytes: request.sizes().then((sizes) => sizes.responseBodySize) });
  });
  return downloads;
}

async function search(page: Page, query: string, country = '') {
  await page.goto('/search/');
  await page.getByLabel('Words to find').fill(query);
  if (country) await page.getByLabel('Country').selectOption(country);
  await expect(status(page)).toContainText(/result/);
}

test.describe('search by country', () => {
  test('"restraint" in China finds Mao Ning and not Russia; in Russia, Maria Zakharova', async ({ page }) => {
    await search(page, 'restraint', 'CN');
    await expect(titles(page).filter({ hasText: 'Mao Ning' }).first()).toBeVisible();
    await expect(titles(page).filter({ hasText: /Zakharova|Russia/ })).toHaveCount(0);

    await page.getByLabel('Country').selectOption('RU');
    await expect(titles(page).filter({ hasText: 'Maria Zakharova' })).toHaveCount(1);
    await expect(titles(page).filter({ hasText: 'Mao Ning' })).toHaveCount(0);
  });

  test('a country with no words lists its statements', async ({ page }) => {
    const american = readContentEvents().flatMap((event) => event.statements).filter((statement) => statement.country === 'US');
    await page.goto('/search/?country=US&type=statement');
    await expect(titles(page)).toHaveCount(american.length);
    await expect(titles(page).filter({ hasText: 'Matthew Miller' })).toHaveCount(american.filter((s) => s.speaker === 'Matthew Miller').length);
    await expect(page.locator('.result-excerpt').first()).not.toBeEmpty();
  });

  test('a result shows speaker, role, country, date and the match highlighted', async ({ page }) => {
    await page.goto('/search/?q=restraint&country=CN&type=statement');
    const result = page.locator('.result').filter({ hasText: 'Mao Ning' }).first();
    await expect(result.locator('.result-kicker')).toHaveText(/^Quote · China · .*18 January 2024$/);
    await expect(result.locator('.result-role')).toHaveText(/Spokeswoman/);
    await expect(result.locator('mark').first()).toHaveText(/restraint/i);
  });

  test('a search within one country downloads only that country’s bundle of the index, the one search engine, and its results’ text', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto('/search/?q=restraint&country=CN');
    await expect(titles(page).filter({ hasText: 'Mao Ning' }).first()).toBeVisible();
    const index = fetched.filter((path) => path.startsWith('/pagefind/'));
    // China's own metadata and word index.
    expect(index.filter((path) => /^\/pagefind\/country\/cn\/(pagefind\.[\w-]+\.pf_meta|index\/[\w-]+\.pf_index)$/.test(path)).map((path) => path.split('.').at(-1))).toEqual(expect.arrayContaining(['pf_meta', 'pf_index']));
    // Each result's text is the whole site's copy, shared by every bundle holding the page.
    const text = index.filter((path) => path.endsWith('.pf_fragment'));
    expect(text.length).toBeGreaterThan(0);
    expect(text.filter((path) => !/^\/pagefind\/fragment\/[\w-]+\/\w+\.pf_fragment$/.test(path))).toEqual([]);
    const engine = ['/pagefind/pagefind.js', '/pagefind/pagefind-worker.js', '/pagefind/wasm.en.pagefind'];
    expect(index.filter((path) => !path.startsWith('/pagefind/country/cn/') && !engine.includes(path) && !text.includes(path))).toEqual([]);
  });

  test('moving to another country downloads its index, never the search engine’s WebAssembly again', async ({ page }) => {
    const downloads = listDownloads(page);
    await search(page, 'restraint', 'CN');
    await expect(titles(page).filter({ hasText: 'Mao Ning' }).first()).toBeVisible();
    const engine = (path: string) => /\/(pagefind\.js|pagefind-worker\.js|wasm\.[^/]*\.pagefind)$/.test(path);
    const before = downloads.length;
    expect(downloads.filter(({ path }) => engine(path)).length).toBeGreaterThan(0);

    await page.getByLabel('Country').selectOption('RU');
    await expect(titles(page).filter({ hasText: 'Maria Zakharova' })).toHaveCount(1);
    await expect.poll(() => downloads.slice(before).filter(({ path }) => path.startsWith('/pagefind/country/ru/')).length).toBeGreaterThan(3);
    const after = await Promise.all(downloads.slice(before).map(async ({ path, bytes }) => ({ path, bytes: await bytes })));
    // Only the engine's small script comes again, as a module of its own (src/scripts/search.ts says why).
    expect(after.filter(({ path, bytes }) => engine(path) && bytes > 0 && path !== '/pagefind/pagefind.js')).toEqual([]);
  });

  test('widening a country’s search to every country downloads none of the same results’ text again', async ({ page }) => {
    const downloads = listDownloads(page);
    await search(page, 'restraint', 'CN');
    await expect(titles(page).filter({ hasText: 'Mao Ning' }).first()).toBeVisible();
    const before = downloads.length;
    const text = new Set(downloads.map(({ path }) => path).filter((path) => path.endsWith('.pf_fragment')));

    const chinaOnly = (await status(page).textContent()) ?? '';
    await page.getByLabel('Country').selectOption('');
    await expect(status(page)).not.toHaveText(chinaOnly);
    // The same addresses: China's bundle points at the whole site's copies of its pages' text.
    const repeated = () => downloads.slice(before).filter(({ path }) => text.has(path));
    await expect.poll(() => repeated().length).toBeGreaterThan(0);
    const again = await Promise.all(repeated().map(async ({ path, bytes }) => ({ path, bytes: await bytes })));
    // And the browser's copy served.
    expect(again.filter(({ bytes }) => bytes > 0)).toEqual([]);
  });

  test('across countries, each country shows how many results it has for the words', async ({ page }) => {
    await search(page, 'restraint');
    const country = page.getByLabel('Country');
    const china = await country.locator('option[value="CN"]').textContent();
    const count = Number(/^China \((\d+)\)$/.exec(china ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    // Filters not in use were not counted, so they show no number rather than a wrong one.
    await expect(page.getByLabel('Speaker').locator('option', { hasText: 'Mao Ning' })).toHaveText('Mao Ning');

    await country.selectOption('CN');
    await expect(status(page)).toHaveText(new RegExp(`^${count} results? for “restraint”`));
    // China's own bundle cannot count the other countries, so they show their names alone.
    await expect(country.locator('option[value="IR"]')).toHaveText('Iran');
  });

  test('a nonsense query says nothing matched and offers to clear filters', async ({ page }) => {
    await page.goto('/search/?q=blorptangle&country=CN');
    await expect(status(page)).toHaveText(/No results for “blorptangle” with the chosen filters\. Try other words, or clear the filters\./);
    await expect(titles(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/search\/\?q=blorptangle$/);
    await expect(page.getByLabel('Country')).toHaveValue('');
  });
});

test.describe('search state in the URL', () => {
  test('typing and filtering update the URL; opening it restores the search', async ({ page }) => {
    await search(page, 'restraint', 'CN');
    await expect(page).toHaveURL(/\/search\/\?q=restraint&country=CN$/);
    const url = page.url();

    const other = await page.context().newPage();
    await other.goto(url);
    await expect(other.getByLabel('Words to find')).toHaveValue('restraint');
    await expect(other.getByLabel('Country')).toHaveValue('CN');
    await expect(other.locator('.result-title').filter({ hasText: 'Mao Ning' }).first()).toBeVisible();
  });

  test('Back and Forward move through earlier searches', async ({ page }) => {
    await page.goto('/search/?q=restraint&country=CN');
    await expect(titles(page).filter({ hasText: 'Mao Ning' }).first()).toBeVisible();
    await page.getByLabel('Country').selectOption('RU');
    await expect(page).toHaveURL(/country=RU/);
    await expect(titles(page).filter({ hasText: 'Maria Zakharova' })).toHaveCount(1);

    await page.goBack();
    await expect(page).toHaveURL(/country=CN/);
    await expect(page.getByLabel('Country')).toHaveValue('CN');
    await expect(titles(page).filter({ hasText: 'Mao Ning' }).first()).toBeVisible();

    await page.goForward();
    await expect(page.getByLabel('Country')).toHaveValue('RU');
    await expect(titles(page).filter({ hasText: 'Maria Zakharova' })).toHaveCount(1);
  });
});

test.describe('questions in the reader’s own words', () => {
  const ask = async (page: Page, query: string) => {
    await page.goto('/search/');
    await page.getByLabel('Words to find').fill(query);
    await page.getByLabel('Words to find').press('Enter');
    await expect(status(page)).toHaveText(/\bresults?\b|No result/);
  };
  const chips = (page: Page) => page.locator('#search-understood .chip');

  test('a country read from the words is a chip the reader can remove, and the URL keeps both', async ({ page }) => {
    await ask(page, 'what did China say');
    await expect(chips(page)).toHaveText(['Country: China ×', 'Statements only ×']);
    for (const kicker of await page.locator('.result-kicker').allTextContents()) expect(kicker).toMatch(/^Quote · China · /);
    await expect(page).toHaveURL(/\/search\/\?q=what\+did\+China\+say$/);

    await page.getByRole('button', { name: /Remove “Country: China”/ }).click();
    await expect(page).toHaveURL(/\?q=what\+did\+China\+say&as-words=china$/);
    await expect(chips(page)).toHaveText(['Statements only ×']);
    await expect(status(page)).toHaveText(/results? for “what did China say”/);
    const shown = await titles(page).allTextContents();

    // The shared link opens the same understanding and the same results.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await expect(chips(other)).toHaveText(['Statements only ×']);
    await expect(titles(other)).toHaveText(shown);
  });

  test('a misspelt name gets a "Did you mean" that searches the name', async ({ page }) => {
    await ask(page, 'Zakarova');
    const suggestion = page.locator('#search-suggestion');
    await expect(suggestion).toHaveText('Did you mean Zakharova?');
    await suggestion.getByRole('link').click();
    await expect(page).toHaveURL(/\?q=Zakharova$/);
    await expect(chips(page)).toHaveText(['Speaker: Maria Zakharova ×']);
    await expect(titles(page).first()).toHaveText('Maria Zakharova');
  });

  test('an ordinary word near a name gets no "Did you mean"', async ({ page }) => {
    // "killed" is two letters from "Miller", and the pages hold it.
    await ask(page, 'children killed');
    await expect(titles(page).first()).toBeVisible();
    await expect(page.locator('#search-suggestion')).toBeHidden();
  });

  test('filters read from the words give way, and say so, when they leave no result with every word', async ({ page }) => {
    // The UN Secretary-General made no statement of his own in the story; an event reports what he said.
    await ask(page, 'what did Guterres say');
    await expect(status(page)).toHaveText('Nothing held every word with “Statements only”, read from your words, so it was left out. 1 result for “what did Guterres say”.');
    await expect(chips(page)).toHaveCount(0);
    await expect(titles(page).first()).toHaveText(/Secretary-General/);

    // "Statements only" goes first; the country read from the words stays while it finds results.
    await ask(page, 'who condemned Iran');
    await expect(status(page)).toHaveText(/^Nothing held every word with “Statements only”, read from your words, so it was left out\. \d+ results for “who condemned Iran” with the filters read from your words\.$/);
    await expect(chips(page)).toHaveText(['Country: Iran ×']);
    for (const kicker of await page.locator('.result-kicker').allTextContents()) expect(kicker).toMatch(/^Event: .*Iran/);

    // A country the story does not cover finds nothing under any reading, and says where that came from.
    await ask(page, 'what did Iceland say');
    await expect(status(page)).toHaveText('No results for “what did Iceland say” with the filters read from your words. Try other words, or remove a filter read from them.');
    await expect(chips(page)).toHaveText(['Country: Iceland ×', 'Statements only ×']);
  });

  test('when no result holds every word, it says so and shows those with most of them', async ({ page }) => {
    await ask(page, 'Idlib labourers');
    await expect(status(page)).toHaveText(/^No result has every word for “Idlib labourers”\. Showing \d+ results? with 1 of the 2 words\.$/);
    await expect(page.locator('.results-partial')).toHaveText('With 1 of the 2 words');
    await expect(titles(page).first()).toBeVisible();
    await expect(page.locator('#search-way-on')).toBeVisible();
  });

  test('a search with no result at all offers the country pages and the timeline', async ({ page }) => {
    await ask(page, 'blorptangle');
    const wayOn = page.locator('#search-way-on');
    await expect(wayOn.getByRole('link', { name: 'country pages' })).toHaveAttribute('href', '/countries/');
    await expect(wayOn.getByRole('link', { name: 'timeline' })).toHaveAttribute('href', '/');
  });

  test('results of a slow older search never mix into a newer one', async ({ page }) => {
    // The first search's result data arrives two seconds late, after the second search has shown its results.
    let slow = true;
    const delayed: Promise<unknown>[] = [];
    await page.route('**/pagefind/fragment/**', async (route) => {
      if (!slow) return route.continue();
      const finished = page.waitForEvent('requestfinished', (request) => request.url() === route.request().url());
      delayed.push(finished);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto('/search/');
    const box = page.getByLabel('Words to find');
    const slowFragment = page.waitForRequest(/\/pagefind\/fragment\//);
    await box.fill('restraint');
    await box.press('Enter');
    await slowFragment;
    slow = false;
    await box.fill('Erbil');
    await box.press('Enter');
    await expect(status(page)).toHaveText(/results? for “Erbil”/);
    const count = Number(/^(\d+)/.exec((await status(page).textContent()) ?? '')?.[1]);
    await Promise.all(delayed);
    // Give the page a moment to handle the late data, then check none of it was shown.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    await expect(page.locator('.result')).toHaveCount(count);
    for (const title of await titles(page).allTextContents()) expect(title).not.toMatch(/restraint|Mao Ning|Zakharova/);
  });
});

test.describe('search by keyboard', () => {
  test('reach the box, type, move to a result and open it with Enter', async ({ page }) => {
    await page.goto('/search/');
    const box = page.getByLabel('Words to find');
    for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(box).toBeFocused();
    await page.keyboard.type('Zakharova');
    await expect(status(page)).toHaveText(/result/);
    await page.keyboard.press('ArrowDown');
    const link = page.locator('.result-title a').first();
    await expect(link).toBeFocused();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/statements\/[a-z0-9-]+\/$/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${href ?? ''}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Maria Zakharova');
  });

  test('screen readers hear the result count change', async ({ page }) => {
    await page.goto('/search/?q=restraint');
    await expect(status(page)).toHaveAttribute('role', 'status');
    await expect(status(page)).toHaveText(/^\d+ results for “restraint”\.$/);
    await page.getByLabel('Country').selectOption('CN');
    await expect(status(page)).toHaveText(/^\d+ results? for “restraint” with the chosen filters\.$/);
  });
});

test.describe('search loads only when used', () => {
  test('no page fetches search code or index until search is used', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    const event = readContentEvents()[0];
    for (const path of ['/', `/events/${event?.id}/`, '/countries/', '/about/', '/search/']) {
      await page.goto(path);
    }
    expect(fetched.filter((path) => path.includes('pagefind') || path.includes('vocabulary'))).toEqual([]);
    const scriptsBefore = fetched.filter((path) => path.endsWith('.js'));

    await page.getByLabel('Words to find').focus();
    await page.keyboard.type('restraint');
    await expect(status(page)).toHaveText(/result/);
    expect(fetched.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(fetched.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(scriptsBefore.length);
  });
});

test('with JavaScript, the search page does not say it needs it', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.getByText('Search needs JavaScript')).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search page says search needs JavaScript and links to the country pages', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await page.locator('.notice').getByRole('link', { name: 'Countries' }).click();
    await expect(page).toHaveURL(/\/countries\/$/);
  });
});

test('every page has a way to search', async ({ page }) => {
  const event = readContentEvents()[0];
  for (const path of ['/', `/events/${event?.id}/`, '/countries/', '/about/', '/404.html']) {
    await page.goto(path);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' })).toHaveAttribute('href', '/search/');
  }
});
