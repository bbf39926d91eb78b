/**
 * `npm run new` writes an event file that builds, refuses to overwrite one or reuse its
 * id, and leaves what it was not told empty, so that the build names it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

/** Runs `npm run new` with the content folder set, as an editor would for another story. */
function runNew(folder: string, args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'new', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TIMELINE_CONTENT_DIR: folder },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const answers = ['--date', '2024-01-30', '--title', 'Talks in Islamabad', '--kind', 'talks', '--countries', 'PK,IR', '--place', 'Islamabad', '--time-zone', 'Asia/Karachi'];

describe('npm run new', () => {
  it('creates a file named by convention, with every required field, that builds', () => {
    const folder = mkdtempSync(join(tmpdir(), 'timeline-new-'));
    const created = runNew(folder, [...answers, '--summary', 'The two foreign ministers met.', '--source-title', 'A report', '--source-url', 'https://example.org/report']);
    expect(created.status, created.output).toBe(0);
    const file = join(folder, '2024-01-30-talks-in-islamabad.md');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    // Today, as the day it is first published here (UTC, as the command writes it).
    const today = new Date().toISOString().slice(0, 10);
    for (const field of ['title:', 'summary:', `published: ${today}`, 'kind: talks', 'date: 2024-01-30', 'precision: day', 'timeZone: Asia/Karachi', 'countries: [PK, IR]', 'sources:']) expect(text).toContain(field);

    const built = buildSite(folder);
    expect(built.status, built.output).toBe(0);
    expect(readFileSync(join(built.outDir, 'events/2024-01-30-talks-in-islamabad/index.html'), 'utf8')).toContain('Talks in Islamabad');

    // The same answers again: the id is taken, and the file is left as it was.
    const again = runNew(folder, [...answers, '--summary', 'Something else.']);
    expect(again.status).not.toBe(0);
    expect(again.output).toContain('the id "2024-01-30-talks-in-islamabad" is already used by');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses wrong answers, naming each, and leaves what it was not told for the build to name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'timeline-new-'));
    const wrong = runNew(folder, ['--date', '2023-02-29', '--title', 'X', '--kind', 'visit', '--countries', 'XX', '--time-zone', 'Asia/Karachi']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.output).toContain('date: "2023-02-29" is not a real date');
    expect(wrong.output).toContain('kind: "visit" is not one of');
    expect(wrong.output).toContain('countries: "XX" is not an ISO 3166-1 alpha-2 country code');

    expect(runNew(folder, answers).status).toBe(0);
    const built = buildSite(folder);
    expect(built.status).not.toBe(0);
    expect(built.output).toMatch(/2024-01-30-talks-in-islamabad\.md: front matter: [^\n]*\n\s+summary: Too small/);
  });
});
