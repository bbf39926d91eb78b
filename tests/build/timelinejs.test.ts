/**
 * `npm run import:timelinejs` on a sheet with the rows that trip importers up, then a
 * real build of what it wrote: the files must build, and HTML in a Text cell must reach
 * the page as words.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

const out = mkdtempSync(join(tmpdir(), 'timeline-import-'));
const run = spawnSync(process.execPath, ['src/cli/import-timelinejs.ts', 'tests/fixtures/timelinejs/sheet.csv', '--out', out, '--time-zone', 'Asia/Karachi', '--kind', 'talks'], { encoding: 'utf8' });

describe('importing a TimelineJS sheet', () => {
  it('writes the rows it can and names the rows it cannot, failing so that no one misses them', () => {
    expect(run.status, run.stderr).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['2023-03-09-talks-open-in-the-capital.md', '2023-03-10-ministry-answers-at-a-news-conference.md', '2023-03-11-officials-say-nothing-more.md']);
    for (const row of [6, 8, 9, 10]) expect(run.stderr).toContain(`row ${row}: not converted:`);
    for (const row of [2, 7]) expect(run.stderr).toContain(`row ${row}: left out:`);
  });

  it('never overwrites a file: a second run writes new names', () => {
    const again = spawnSync(process.execPath, ['src/cli/import-timelinejs.ts', 'tests/fixtures/timelinejs/sheet.csv', '--out', out, '--time-zone', 'Asia/Karachi', '--kind', 'talks', '--country', 'PK'], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(readdirSync(out)).toContain('2023-03-09-talks-open-in-the-capital-2.md');
    expect(readdirSync(out)).toContain('2023-03-14-he-said-no-1-yes-it.md');
  });

  it('what it wrote builds, and the HTML of a Text cell is words on the page', () => {
    const { status, output, outDir } = buildSite(out);
    expect(status, output).toBe(0);
    const page = parse(readFileSync(join(outDir, 'events/2023-03-11-officials-say-nothing-more/index.html'), 'utf8'));
    const prose = page.querySelector('.prose');
    expect(prose?.text).toContain('<iframe src=javascript:alert(1)></iframe> [a link](javascript:alert(2)) *stars*');
    expect(prose?.querySelectorAll('*').map((el) => el.tagName)).toEqual(['P', 'P', 'P']);
    expect(page.querySelectorAll('iframe, img, [onerror]')).toHaveLength(0);
    // The words may appear as data (the JSON-LD description), never as a script that runs.
    expect(page.querySelectorAll('script').filter((el) => el.getAttribute('type') !== 'application/ld+json' && el.text.includes('alert'))).toHaveLength(0);
  });
});
