/**
 * A broken entry fails the build with a message naming its file and field, and the
 * last good site stays in place. Each folder under tests/fixtures/broken holds one mistake.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

const cases: [fixture: string, file: string, field: string | RegExp][] = [
  ['malformed-yaml', '2024-01-17-broken.md', 'front matter: bad indentation of a mapping entry'],
  ['missing-title', '2024-01-17-broken.md', 'title: title: Required'],
  ['unknown-field', '2024-01-17-broken.md', /Unrecognized key.*headline/],
  ['wrong-type', '2024-01-17-broken.md', 'countries: countries: Expected type `"array"`, received `"string"`'],
  ['unknown-country', '2024-01-17-broken.md', 'countries.1: "XX" is not an ISO 3166-1 alpha-2 country code'],
  ['unknown-source', '2024-01-17-broken.md', 'statements.0.source: cites source "no-such-source"'],
  ['no-source', '2024-01-17-broken.md', 'sources: every event needs at least one source'],
  ['invalid-date', '2024-01-17-broken.md', 'when.date: "2024-02-30" must be a date'],
  ['wrong-offset', '2024-01-17-broken.md', 'when.date: offset +03:30'],
  // Unquoted, as editors write dates: js-yaml would read it as 1 March.
  ['impossible-date', '2024-01-17-broken.md', 'when.date: "2024-02-30" must be a date'],
  ['impossible-month', '2024-01-17-broken.md', 'when.date: "2024-13-01" must be a date'],
  ['impossible-statement-date', '2024-01-17-broken.md', 'statements.0.date: "2023-02-29" is not a real date'],
  ['impossible-time', '2024-01-17-broken.md', 'when.date: "2024-01-17T24:00+05:00" is not a real date and time'],
  ['impossible-update-date', '2024-01-17-broken.md', 'updates.0.date: "2024-04-31" is not a real date'],
  ['impossible-published-date', '2024-01-17-broken.md', 'published: "2024-02-30" is not a real date'],
  ['missing-published', '2024-01-17-broken.md', 'published: write a date, YYYY-MM-DD'],
  ['published-after-correction', '2024-01-17-broken.md', 'published: 2024-01-22 is after the correction of 2024-01-20 (updates.0.date)'],
  ['future-date', '2099-01-17-broken.md', 'when.date: 2099-01-17 is after the day of this build'],
  ['withdrawn-without-reason', '2024-01-17-broken.md', 'reason: say why the event was withdrawn'],
  ['bad-time-zone', '2024-01-17-broken.md', 'when.timeZone: "Asia/Lahore" is not an IANA time zone'],
  ['insecure-source-url', '2024-01-17-broken.md', 'sources.0.url: must be a full https:// address'],
  ['raw-html', '2024-01-17-broken.md', 'body: line 3: raw HTML is not allowed'],
  ['event-handler', '2024-01-17-broken.md', 'body: line 1: raw HTML is not allowed'],
  ['iframe', '2024-01-17-broken.md', 'body: line 3: raw HTML is not allowed (<iframe'],
  ['object', '2024-01-17-broken.md', 'body: line 1: raw HTML is not allowed (<object'],
  // Five thousand quotes within each other overflow the renderer, which Astro only logged.
  ['deep-nesting', '2024-01-17-broken.md', 'body: line 1: the text is nested more than 100 levels deep'],
  // Two thousand emphases within each other: seconds to parse, and too deep to render.
  ['deep-emphasis', '2024-01-17-broken.md', 'body: line 3: more than 200 emphasis marks'],
  ['javascript-link', '2024-01-17-broken.md', 'body: line 1: the address "javascript:alert(1)"'],
  ['missing-internal-link', '2024-01-17-broken.md', 'body: line 1: links to /events/2024-01-17-no-such-event/, which is not a page of this site'],
  // One event makes one page: /timeline/2/ is not one.
  ['missing-timeline-page', '2024-01-17-broken.md', 'body: line 1: links to /timeline/2/, which is not a page of this site'],
  ['missing-section', '2024-01-17-broken.md', 'body: line 1: links to #claims on /events/2024-01-17-broken/, which has no such anchor'],
  ['bad-file-name', 'pakistan-strikes.md', 'file name: must be the event\'s date'],
  ['duplicate-slug', '', /duplicate-slug\/[ab]\/2024-01-17-broken\.md: file name: slug "2024-01-17-broken" is already used by tests\/fixtures\/broken\/duplicate-slug\/[ab]\/2024-01-17-broken\.md/],
  ['duplicate-statement-id', '', /duplicate-statement-id\/2024-01-17-[a-z]+\.md: statements\.0\.id: statement id "broken-quote" is already used in/],
];

describe('a broken entry fails the build, naming the file and the field', () => {
  it.each(cases)('%s', (fixture, file, field) => {
    const folder = `tests/fixtures/broken/${fixture}`;
    const { status, output } = buildSite(folder);
    expect(status, output).not.toBe(0);
    if (file) expect(output).toContain(`${folder}/${file}: `);
    if (typeof field === 'string') expect(output).toContain(field);
    else expect(output).toMatch(field);
  });
});

describe('npm run validate names the same file and field, without building', () => {
  it.each(cases)('%s', (fixture, file, field) => {
    const folder = `tests/fixtures/broken/${fixture}`;
    const result = spawnSync(process.execPath, ['src/cli/validate.ts'], { encoding: 'utf8', env: { ...process.env, TIMELINE_CONTENT_DIR: folder } });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(result.status, output).toBe(1);
    expect(output).not.toMatch(/^\s+at /m);
    if (file) expect(output).toContain(`${folder}/${file}: `);
    // The field, as the build names it; Astro words the schema's own messages its way.
    if (typeof field === 'string') expect(output).toContain(`${field.split(': ')[0] ?? field}: `);
    else expect(output).toMatch(field);
  });

  it('passes the story', () => {
    const result = spawnSync(process.execPath, ['src/cli/validate.ts'], { encoding: 'utf8', env: { ...process.env, TIMELINE_CONTENT_DIR: 'content/events' } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('no problems');
  });
});

describe('a failed build never replaces the last good site', () => {
  it('keeps the previous output when the next build fails', () => {
    const good = buildSite('tests/fixtures/awkward');
    expect(good.status, good.output).toBe(0);
    const before = readFileSync(join(good.outDir, 'index.html'), 'utf8');
    expect(before).toContain('Just after midnight in Karachi');

    const bad = buildSite('tests/fixtures/broken/unknown-source', {}, good.outDir);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('tests/fixtures/broken/unknown-source/2024-01-17-broken.md: ');
    expect(readFileSync(join(good.outDir, 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(join(good.outDir, 'events/2024-01-21-days-later/index.html'))).toBe(true);
  });

  it('keeps it too when a late step (the URL lock) fails after the pages were written', () => {
    const good = buildSite('content/events');
    expect(good.status, good.output).toBe(0);
    const before = readFileSync(join(good.outDir, 'index.html'), 'utf8');
    // A lock listing a URL this content does not have: the check after the pages fails.
    const lock = join(good.outDir, '..', `lock-${Date.now()}.txt`);
    writeFileSync(lock, '/events/2024-01-01-a-page-that-was-published/\n');
    const bad = buildSite('content/events', { TIMELINE_URL_LOCK: lock }, good.outDir);
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('/events/2024-01-01-a-page-that-was-published/');
    expect(readFileSync(join(good.outDir, 'index.html'), 'utf8')).toBe(before);
  });

  it('records no URL in the lock when a step after the pages (the search index) fails', () => {
    const folder = mkdtempSync(join(tmpdir(), 'timeline-late-failure-'));
    const lock = join(folder, 'published-urls.txt');
    const published = '/events/2024-01-16-late-in-tehran/\n';
    writeFileSync(lock, published);
    // The search index keeps its bundles in the cache folder; a file in its place makes
    // indexing fail after the pages and the URL check passed.
    const cache = join(folder, 'cache');
    mkdirSync(cache);
    writeFileSync(join(cache, 'search'), '');
    const bad = buildSite('tests/fixtures/awkward', { TIMELINE_URL_LOCK: lock, TIMELINE_CACHE_DIR: cache }, join(folder, 'site'));
    expect(bad.status, bad.output).not.toBe(0);
    expect(bad.output).toContain('Building the search index failed');
    expect(readFileSync(lock, 'utf8')).toBe(published);
  });
});
