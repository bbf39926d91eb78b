/**
 * A broken entry fails the build with a message naming its file and field, and
 * nothing is written. Each folder under tests/fixtures/broken holds one mistake.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

const cases: [fixture: string, file: string, field: string | RegExp][] = [
  ['missing-title', '2024-01-17-broken.md', 'title:'],
  ['unknown-field', '2024-01-17-broken.md', /Unrecognized key.*headline/],
  ['wrong-type', '2024-01-17-broken.md', 'countries:'],
  ['unknown-country', '2024-01-17-broken.md', 'countries.1: "XX" is not an ISO 3166-1 alpha-2 country code'],
  ['unknown-source', '2024-01-17-broken.md', 'statements.0.source: cites source "no-such-source"'],
  ['no-source', '2024-01-17-broken.md', 'sources: every event needs at least one source'],
  ['invalid-date', '2024-01-17-broken.md', 'when.date: "2024-02-30" must be a date'],
  ['wrong-offset', '2024-01-17-broken.md', 'when.date: offset +03:30'],
  ['unquoted-date-time', '2024-01-17-broken.md', 'when.date: write the date-time in quotes'],
  ['bad-time-zone', '2024-01-17-broken.md', 'when.timeZone: "Asia/Lahore" is not an IANA time zone'],
  ['insecure-source-url', '2024-01-17-broken.md', 'sources.0.url: must be a full https:// address'],
  ['raw-html', '2024-01-17-broken.md', 'body: line 3: raw HTML is not allowed'],
  ['event-handler', '2024-01-17-broken.md', 'body: line 1: raw HTML is not allowed'],
  ['javascript-link', '2024-01-17-broken.md', 'body: line 1: the address "javascript:alert(1)"'],
  ['bad-file-name', 'pakistan-strikes.md', 'file name: must be the event\'s date'],
  ['duplicate-slug', '', /duplicate-slug\/[ab]\/2024-01-17-broken\.md: file name: slug "2024-01-17-broken" is already used by tests\/fixtures\/broken\/duplicate-slug\/[ab]\/2024-01-17-broken\.md/],
  ['duplicate-statement-id', '', /duplicate-statement-id\/2024-01-17-[a-z]+\.md: statements\.0\.id: statement id "broken-quote" is already used in/],
];

describe('a broken entry fails the build, naming the file and the field', () => {
  it.each(cases)('%s', (fixture, file, field) => {
    const folder = `tests/fixtures/broken/${fixture}`;
    const { status, output, outDir } = buildSite(folder);
    expect(status, output).not.toBe(0);
    if (file) expect(output).toContain(`${folder}/${file}: `);
    if (typeof field === 'string') expect(output).toContain(field);
    else expect(output).toMatch(field);
    expect(existsSync(join(outDir, 'index.html'))).toBe(false);
  });
});
