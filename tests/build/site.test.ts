/**
 * Builds of whole sites: awkward content that must survive, and output that must
 * not depend on the time zone of the machine that builds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('the awkward fixture site', () => {
  const { status, output, outDir } = buildSite('tests/fixtures/awkward');

  it('builds', () => {
    expect(status, output).toBe(0);
  });

  it('publishes every entry but the draft, at a permalink from its file name', () => {
    expect(listFiles(join(outDir, 'events'))).toEqual([
      '2024-01-16-late-in-tehran/index.html',
      '2024-01-17-just-after-midnight-in-karachi/index.html',
      '2024-01-17-same-day-early/index.html',
      '2024-01-17-same-day-no-time/index.html',
      '2024-01-21-days-later/index.html',
    ]);
    expect(read(outDir, 'index.html')).not.toContain('draft');
  });

  it('orders same-day events and keeps each under its own local date', () => {
    const html = read(outDir, 'index.html');
    const ids = [...html.matchAll(/<article class="event" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      '2024-01-16-late-in-tehran',
      '2024-01-17-just-after-midnight-in-karachi',
      '2024-01-17-same-day-early',
      '2024-01-17-same-day-no-time',
      '2024-01-21-days-later',
    ]);
    expect([...html.matchAll(/<h3 class="day-heading"[^>]*><time datetime="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '2024-01-16',
      '2024-01-17',
      '2024-01-21',
    ]);
    expect(html).toContain('4 days later');
  });

  it('shows local times honestly and keeps non-ASCII text intact', () => {
    const html = read(outDir, 'events/2024-01-17-just-after-midnight-in-karachi/index.html');
    expect(html).toContain('<time datetime="2024-01-17T00:30+05:00">Wednesday 17 January 2024, 00:30</time>');
    expect(html).toContain('19:30 UTC, 16 Jan');
    expect(html).toContain('Kōchi-ville, Ōsaka-fu');
    const tehran = read(outDir, 'events/2024-01-16-late-in-tehran/index.html');
    expect(tehran).toContain('Şükrü Ağaoğlu-Ñúñez');
    expect(tehran).toContain('Ça va, «très bien» — 你好, مرحبا');
  });
});

describe('the built site does not depend on the machine’s time zone', () => {
  it('is identical when built under TZ=Pacific/Kiritimati (UTC+14) and TZ=America/Chicago', () => {
    const east = buildSite('content/events', { TZ: 'Pacific/Kiritimati' });
    const west = buildSite('content/events', { TZ: 'America/Chicago' });
    expect(east.status, east.output).toBe(0);
    expect(west.status, west.output).toBe(0);
    const files = listFiles(east.outDir);
    expect(files).toEqual(listFiles(west.outDir));
    expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(3);
    for (const file of files) {
      expect(read(west.outDir, file), file).toBe(read(east.outDir, file));
    }
  });
});
