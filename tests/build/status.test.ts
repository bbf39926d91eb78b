/**
 * An event's status over time, in real builds of a temporary copy of the awkward
 * fixture: a withdrawn event keeps its address, with a notice and its reason, and
 * leaves the timeline, search, country pages and feeds, with the URL lock content; an
 * event marked scheduled may be dated after the build and stays out of the feeds.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

/** @returns a copy of the awkward fixture in a new temporary folder, and a URL lock beside it */
function copyOfAwkward(): { folder: string; lock: string } {
  const root = mkdtempSync(join(tmpdir(), 'timeline-status-'));
  const folder = join(root, 'events');
  cpSync('tests/fixtures/awkward', folder, { recursive: true });
  return { folder, lock: join(root, 'published-urls.txt') };
}

const read = (outDir: string, path: string) => readFileSync(join(outDir, path), 'utf8');
const pageCount = (outDir: string, bundle: string) =>
  (JSON.parse(read(outDir, `${bundle}pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> }).languages['en']?.page_count;

describe('a withdrawn event', () => {
  it('keeps its page and its statement’s page, with a notice and the reason, and leaves everything else', () => {
    const { folder, lock } = copyOfAwkward();
    writeFileSync(lock, '');
    const before = buildSite(folder, { TIMELINE_URL_LOCK: lock });
    expect(before.status, before.output).toBe(0);
    const slug = '2024-01-16-late-in-tehran';
    expect(read(before.outDir, 'index.html')).toContain(slug);
    expect(readFileSync(lock, 'utf8')).toContain(`/events/${slug}/`);

    const file = join(folder, `${slug}.md`);
    const reason = 'Its only source did not support it.';
    writeFileSync(file, readFileSync(file, 'utf8').replace('\nsources:\n', `\nstatus: withdrawn\nreason: ${reason}\nsources:\n`));
    const after = buildSite(folder, { TIMELINE_URL_LOCK: lock });
    // The URL lock takes the withdrawn page as kept: no redirect is declared.
    expect(after.status, after.output).toBe(0);

    const page = read(after.outDir, `events/${slug}/index.html`);
    expect(page).toContain('Withdrawn: Late evening in Tehran');
    expect(page).toContain(`Why: ${reason}`);
    for (const text of ['Happens at 23:30', 'Body text', 'très bien']) expect(page).not.toContain(text);
    expect(page).not.toContain('data-pagefind-body');
    const statement = read(after.outDir, 'statements/fixture-tehran-quote/index.html');
    expect(statement).toContain('belonged to an event that has been withdrawn');
    expect(statement).not.toContain('très bien');
    expect(statement).not.toContain('data-pagefind-body');
    // Frames pasted into other sites keep working, and say so too.
    const frame = read(after.outDir, `embed/events/${slug}/index.html`);
    expect(frame).toContain('Withdrawn: Late evening in Tehran');
    expect(frame).toContain(`Why: ${reason}`);
    expect(frame).not.toContain('très bien');
    const quoteFrame = read(after.outDir, 'embed/statements/fixture-tehran-quote/index.html');
    expect(quoteFrame).toContain('belonged to an event that has been withdrawn');
    expect(quoteFrame).not.toContain('très bien');

    // Off the timeline, the feeds, the CSV files and the country pages and their search bundles.
    for (const path of ['index.html', 'feed.xml', 'atom.xml', 'feed.json', 'data/events.csv', 'data/statements.csv', 'countries/ir/index.html', 'countries/tr/index.html']) {
      expect(read(after.outDir, path), path).not.toContain(slug);
    }
    // Out of search: the whole site's index and Iran's bundle lose its pages; Turkey,
    // named only by its statement, keeps its page (in the lock) but has nothing to search.
    expect(pageCount(after.outDir, 'pagefind/')).toBe((pageCount(before.outDir, 'pagefind/') ?? 0) - 2);
    expect(pageCount(after.outDir, 'pagefind/country/ir/')).toBe((pageCount(before.outDir, 'pagefind/country/ir/') ?? 0) - 1);
    expect(existsSync(join(after.outDir, 'pagefind/country/tr'))).toBe(false);
    // Marked in the data, with its reason and without its text.
    const data = JSON.parse(read(after.outDir, 'data/events.json')) as { events: { id: string }[]; withdrawn: Record<string, unknown>[] };
    expect(data.events.map((e) => e.id)).not.toContain(slug);
    expect(data.withdrawn).toEqual([{ id: slug, url: `http://localhost:4321/events/${slug}/`, title: 'Late evening in Tehran', status: 'withdrawn', reason, updates: [] }]);
  });
});

describe('a scheduled event', () => {
  it('may be dated after the build, is shown as Scheduled, and stays out of the feeds', () => {
    const { folder } = copyOfAwkward();
    const slug = '2099-03-01-a-planned-visit';
    const days = readFileSync(join(folder, '2024-01-21-days-later.md'), 'utf8');
    writeFileSync(
      join(folder, `${slug}.md`),
      days.replace(/^title: .*$/m, 'title: A planned visit').replace(/^ {2}date: .*$/m, '  date: 2099-03-01').replace('\nsources:\n', '\nstatus: scheduled\nsources:\n'),
    );
    const result = buildSite(folder);
    expect(result.status, result.output).toBe(0);
    expect(read(result.outDir, `events/${slug}/index.html`)).toMatch(/<strong[^>]*>Scheduled<\/strong>: This event is yet to happen/);
    expect(read(result.outDir, 'index.html')).toMatch(/<strong class="status"[^>]*>Scheduled<\/strong>/);
    for (const feed of ['feed.xml', 'atom.xml', 'feed.json']) expect(read(result.outDir, feed), feed).not.toContain(slug);
  });
});
