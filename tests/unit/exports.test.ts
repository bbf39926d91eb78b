import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readRedirects, findLostPermalinks } from '../../src/integrations/permalinks';
import { toCsv } from '../../src/lib/data-export';
import { getFeedDateTime, toRfc822 } from '../../src/lib/dates';
import { escapeXml } from '../../src/lib/feeds';
import { parseFileData, parseJsonFile, siteSchema } from '../../src/lib/site-files';

describe('toCsv', () => {
  it('quotes what needs quoting, and parses back to the same values', () => {
    const rows = [
      ['id', 'quote'],
      ['a', 'So we do condemn those strikes, "we" said.\nNew line'],
      ['b', undefined],
    ];
    const csv = toCsv(rows);
    expect(csv).toContain('"So we do condemn those strikes, ""we"" said.\nNew line"');
    expect(parse(csv)).toEqual([['id', 'quote'], ['a', 'So we do condemn those strikes, "we" said.\nNew line'], ['b', '']]);
  });

  it('keeps spreadsheets from running a cell as a formula, and numbers as numbers', () => {
    const dangerous = ['=HYPERLINK("https://evil.example","Click")', '+1+cmd|calc', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];
    const cells = [...dangerous, '-61.5', '+3', '27.37', 'a = b'];
    const [, row] = parse(toCsv([cells.map((_, i) => `c${i}`), cells])) as string[][];
    expect(row).toEqual([...dangerous.map((cell) => `'${cell}`), '-61.5', '+3', '27.37', 'a = b']);
  });
});

describe('feed dates', () => {
  it('gives a minute-precision event its own time and offset', () => {
    expect(getFeedDateTime({ date: '2024-01-18T04:05+03:30', precision: 'minute', timeZone: 'Asia/Tehran' })).toBe('2024-01-18T04:05:00+03:30');
  });

  it('gives a day the start of that local day, never another day', () => {
    expect(getFeedDateTime({ date: '2024-01-18', precision: 'day', timeZone: 'America/New_York' })).toBe('2024-01-18T00:00:00-05:00');
  });

  it('writes RFC 822 dates for RSS', () => {
    expect(toRfc822('2024-01-18T04:05:00+03:30')).toBe('Thu, 18 Jan 2024 04:05:00 +0330');
  });

  it('escapes XML', () => {
    expect(escapeXml(`Iran's "strikes" & <Pakistan>`)).toBe('Iran&apos;s &quot;strikes&quot; &amp; &lt;Pakistan&gt;');
  });
});

describe('redirects and lost permalinks', () => {
  const write = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'redirects-')), 'redirects.json');
    writeFileSync(file, text);
    return file;
  };

  it('reads declared redirects', () => {
    expect(readRedirects(write('{"/events/a/": "/events/b/"}'))).toEqual({ '/events/a/': '/events/b/' });
    expect(readRedirects(undefined)).toEqual({});
  });

  it('rejects broken JSON, non-paths and chains, naming the file and the old path', () => {
    expect(() => readRedirects(write('{'))).toThrow(/redirects\.json: \(the whole file\): not valid JSON/);
    expect(() => readRedirects(write('{"/a/": "https://elsewhere.org/"}'))).toThrow(/redirects\.json: \/a\/: both the old and the new address must be paths/);
    expect(() => readRedirects(write('{"/a/": 3}'))).toThrow(/redirects\.json: \/a\/: .*expected string/);
    expect(() => readRedirects(write('{"/a/": "/b/", "/b/": "/c/"}'))).toThrow(/redirects\.json: \/a\/: redirects to "\/b\/", which is itself redirected/);
  });

  it('finds published paths that neither a page nor a redirect answers', () => {
    const built = new Set(['/', '/events/b/']);
    expect(findLostPermalinks(['/', '/events/a/', '/events/c/', '/og/x.png'], built, { '/events/a/': '/events/b/' })).toEqual(['/events/c/']);
  });
});

describe('site.json', () => {
  const site = { title: 'A story', shortName: 'Story', description: 'What it is.', coverage: 'When.' };

  it('reads the story\'s own words', () => {
    expect(parseFileData('content/site.json', site, siteSchema)).toEqual(site);
  });

  it('names the file and the field of a mistake, like an event file', () => {
    expect(() => parseFileData('content/site.json', { ...site, title: '' }, siteSchema)).toThrow(/^content\/site\.json: title: Too small/);
    expect(() => parseFileData('content/site.json', { ...site, subtitle: 'x' }, siteSchema)).toThrow(/^content\/site\.json: \(the whole file\): Unrecognized key: "subtitle"/);
    expect(() => parseJsonFile('content/site.json', '{"title": }', siteSchema)).toThrow(/^content\/site\.json: \(the whole file\): not valid JSON/);
  });
});
