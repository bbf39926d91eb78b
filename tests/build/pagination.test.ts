/**
 * A long story stays light: the timeline is split into pages of plain links, every
 * event appears once, and each event page links back to the page it is on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TIMELINE_PAGE_SIZE } from '../../src/lib/timeline';
import { generateEvents } from '../bench/generate';
import { buildSite } from '../support/build';

const COUNT = TIMELINE_PAGE_SIZE * 2 + 7;
const events = join(mkdtempSync(join(tmpdir(), 'timeline-long-')), 'events');
generateEvents(COUNT, events);
const { status, output, outDir } = buildSite(events);
const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
const articles = (html: string) => [...html.matchAll(/<article class="event" id="([^"]+)"/g)].map((m) => m[1] ?? '');

describe(`a story of ${COUNT} events`, () => {
  it('builds', () => {
    expect(status, output).toBe(0);
  });

  it('splits the timeline into pages that each hold at most a page of events, none lost', () => {
    const pages = [read('index.html'), read('timeline/2/index.html'), read('timeline/3/index.html')];
    expect(readdirSync(join(outDir, 'timeline')).sort()).toEqual(['2', '3']);
    for (const page of pages) expect(articles(page).length).toBeLessThanOrEqual(TIMELINE_PAGE_SIZE);
    const all = pages.flatMap(articles);
    expect(all).toHaveLength(COUNT);
    expect(new Set(all).size).toBe(COUNT);
  });

  it('links every page to the start and the latest events, with no script', () => {
    const middle = read('timeline/2/index.html');
    expect(middle).toContain('<a href="/">Start of the story</a>');
    expect(middle).toContain('<a href="/timeline/3/">Latest</a>');
    expect(middle).toContain('<a rel="prev" href="/">');
    expect(middle).toContain('<a rel="next" href="/timeline/3/">');
    // All of it falls in one month, so there is no month to jump to.
    expect(middle).not.toContain('Jump to a month');
  });

  it('ships valid HTML and links that resolve on the paged templates too', () => {
    for (const check of ['tests/site/check-html.ts', 'tests/site/check-links.ts']) {
      const result = spawnSync(process.execPath, [check, outDir], { encoding: 'utf8' });
      expect(result.status, `${check}\n${result.stdout}${result.stderr}`).toBe(0);
    }
  });

  it('links an event back to the page it is on', () => {
    const last = articles(read('timeline/3/index.html')).at(-1) ?? '';
    expect(read(`events/${last}/index.html`)).toContain(`href="/timeline/3/#${last}"`);
  });
});
