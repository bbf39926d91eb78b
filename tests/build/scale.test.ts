/**
 * At any size every page stays light: a story of a few hundred events splits its
 * biggest country's page like the timeline, each of that country's events and
 * statements on exactly one of its pages, `/corrections/` is split the same way, and no
 * template weighs more than 30 KB gzip with its CSS and scripts (the benchmark's
 * measure, on the same pages).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { TIMELINE_PAGE_SIZE } from '../../src/lib/timeline';
import { generateEvents } from '../bench/generate';
import { buildSite } from '../support/build';
import { pageWeight, pickTemplatePages } from '../support/page-weight';
import { chromiumPath } from '../support/preview';
import { serveFolder } from '../support/serve';

const COUNT = 300;
const BUDGET = 30 * 1024;
const events = join(mkdtempSync(join(tmpdir(), 'timeline-scale-')), 'events');
generateEvents(COUNT, events);
const { status, output, outDir } = buildSite(events);
const read = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
const all = (html: string, attribute: string) => [...html.matchAll(new RegExp(`<li[^>]* ${attribute}="([^"]+)"`, 'g'))].map((m) => m[1] ?? '');
const link = (html: string, rel: string) => new RegExp(`<a rel="${rel}"[^>]* href="([^"]+)"`).exec(html)?.[1];

type Story = { events: { id: string; countries: string[]; statements: { id: string; country: string }[]; updates: { date: string }[] }[] };
const story = () => JSON.parse(readFileSync(join(outDir, 'data/events.json'), 'utf8')) as Story;

/** @returns the country with the most events and statements, with them */
function biggestCountry() {
  const { events: list } = story();
  const codes = [...new Set(list.flatMap((e) => [...e.countries, ...e.statements.map((s) => s.country)]))];
  const of = (code: string) => ({
    code: code.toLowerCase(),
    events: list.filter((e) => e.countries.includes(code)).map((e) => e.id),
    statements: list.flatMap((e) => e.statements.filter((s) => s.country === code).map((s) => s.id)),
  });
  return codes.map(of).sort((a, b) => b.events.length + b.statements.length - (a.events.length + a.statements.length))[0] ?? of('');
}

/** @returns a country's pages, from its first, following each page's link to the next */
function followPages(first: string): { path: string; html: string }[] {
  const pages = [{ path: first, html: read(first) }];
  for (let next = link(pages[0]?.html ?? '', 'next'); next; next = link(pages.at(-1)?.html ?? '', 'next')) {
    if (pages.length > 100) throw new Error(`${first}: more than 100 pages`);
    pages.push({ path: next, html: read(next) });
  }
  return pages;
}

describe(`a story of ${COUNT} events`, () => {
  it('builds', () => {
    expect(status, output).toBe(0);
  });

  it('splits the biggest country’s page into linked pages, page 1 at the country’s address', () => {
    const country = biggestCountry();
    const pages = followPages(`/countries/${country.code}/`);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => `/countries/${country.code}/${i === 0 ? '' : `${i + 1}/`}`));
    pages.forEach(({ path, html }, i) => {
      expect(html, path).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(link(html, 'prev'), path).toBe(i === 0 ? undefined : pages[i - 1]?.path);
      if (i > 0) expect(html, path).toContain(`<a href="/countries/${country.code}/">Start of the story</a>`);
      if (i < pages.length - 1) expect(html, path).toContain(`<a href="${pages.at(-1)?.path}">Latest</a>`);
      expect(html, path).toContain(`<link rel="canonical" href="http://localhost:4321${path}">`);
      expect(html, path).toContain(`href="/search/?country=${country.code.toUpperCase()}&amp;type=statement"`);
    });
    expect(pages[1]?.html).toMatch(/<title>[^<]+, page 2 of \d+ · /);
  });

  it('lists each of the country’s events and statements on exactly one of its pages, at most a page of events on each', () => {
    const country = biggestCountry();
    const pages = followPages(`/countries/${country.code}/`);
    for (const { path, html } of pages) {
      expect(all(html, 'data-event').length, path).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
      expect(all(html, 'data-event').length + all(html, 'data-statement').length, path).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
    }
    const shownEvents = pages.flatMap((p) => all(p.html, 'data-event'));
    const shownStatements = pages.flatMap((p) => all(p.html, 'data-statement'));
    expect(shownEvents.toSorted()).toEqual(country.events.toSorted());
    expect(shownStatements.toSorted()).toEqual(country.statements.toSorted());
  });

  it('splits /corrections/ into linked pages, newest first, each correction on exactly one', () => {
    const updates = story().events.flatMap((event) => event.updates.map((update) => ({ event: event.id, date: update.date })));
    const pages = followPages('/corrections/');
    expect(pages.length).toBe(Math.ceil(updates.length / TIMELINE_PAGE_SIZE));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.path)).toEqual(pages.map((_, i) => `/corrections/${i === 0 ? '' : `${i + 1}/`}`));
    const items = pages.map(({ html }) => [...html.matchAll(/<li>\s*<p>\s*<strong><time datetime="([^"]+)">[\s\S]*?<a href="\/events\/([^/]+)\/#([^"]+)"/g)]);
    let number = updates.length;
    pages.forEach(({ path, html }, i) => {
      expect(items[i]?.length, path).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
      // The numbers count down across the pages, to 1 for the oldest.
      expect(html, path).toContain(`<ol class="corrections" reversed start="${number}">`);
      number -= items[i]?.length ?? 0;
      if (i > 0) expect(html, path).toContain('<a href="/corrections/">Newest</a>');
      if (i < pages.length - 1) expect(html, path).toContain(`<a href="${pages.at(-1)?.path}">Oldest</a>`);
    });
    expect(number).toBe(0);
    const shown = items.flat().map((match) => ({ event: match[2] ?? '', date: (match[1] ?? '').slice(0, 10) }));
    expect(shown.map(({ event }) => event).toSorted()).toEqual(updates.map(({ event }) => event).toSorted());
    const dates = shown.map(({ date }) => date);
    expect(dates).toEqual(dates.toSorted().reverse());
  });

  it('splits the country’s embeddable timeline too, each event once, with page links that stay in the frame', () => {
    const country = biggestCountry();
    const pages = followPages(`/embed/countries/${country.code}/`);
    expect(pages.length).toBeGreaterThan(1);
    const shown = pages.flatMap((p) => [...p.html.matchAll(/<article class="event" id="([^"]+)"/g)].map((m) => m[1] ?? ''));
    expect(shown.toSorted()).toEqual(country.events.toSorted());
    expect(pages[0]?.html).toContain(`<a rel="next" target="_self" href="/embed/countries/${country.code}/2/">`);
  });

  it('opens an embedded timeline narrowed to days on the page that holds them, its page links keeping the range', async () => {
    const third = read('/embed/timeline/3/');
    // A day that starts on page 3, not one continued from page 2.
    const day = [...third.matchAll(/<h3 class="day-heading" id="day-([\d-]+)">(.*?)<\/h3>/g)].find((m) => !m[2]?.includes('day-continued'))?.[1] ?? '';
    const { server, origin } = await serveFolder(outDir);
    const executablePath = chromiumPath();
    const browser = await chromium.launch(executablePath ? { executablePath } : {});
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/embed/?from=${day}&to=${day}`);
      await page.waitForURL(`${origin}/embed/timeline/3/?from=${day}&to=${day}`);
      const shown = await page.locator('.day:visible .day-heading time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
      expect(shown).toEqual([day]);
      expect(await page.locator('.pager a[rel="next"]').first().getAttribute('href')).toBe(`${origin}/embed/timeline/4/?from=${day}&to=${day}`);
      // Where each page starts comes from a file of its own, not from every page.
      const starts = JSON.parse(readFileSync(join(outDir, 'embed/timeline/pages.json'), 'utf8')) as { start: string; path: string }[];
      expect(starts.map(({ path }) => path)).toEqual(starts.map((_, i) => (i === 0 ? '/embed/' : `/embed/timeline/${i + 1}/`)));
      expect(read('/embed/')).toContain('data-pages-url="/embed/timeline/pages.json"');
      expect(read('/embed/')).not.toContain(`/embed/timeline/${starts.length}/&quot;`);
    } finally {
      await browser.close();
      server.close();
    }
  });

  it('keeps every template within 30 KB gzip with its CSS and scripts', () => {
    const templates = pickTemplatePages(outDir);
    expect(templates.map((t) => t.name)).toEqual(expect.arrayContaining(['timeline', 'event', 'statement', 'country', 'countries index', 'search', 'data', 'about', 'embed timeline', 'embed country']));
    for (const { name, path } of templates) {
      const { total } = pageWeight(outDir, path);
      expect(total, `${name} (${path}) weighs ${(total / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(BUDGET);
    }
  });

  // Valid HTML on the paged templates is checked at a smaller size (pagination.test.ts).
  it('links only to pages that exist, across the split pages', { timeout: 300_000 }, () => {
    const result = spawnSync(process.execPath, ['tests/site/check-links.ts', outDir], { encoding: 'utf8' });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  });
});
