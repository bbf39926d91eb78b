/**
 * events.json stays under the hosts' per-file limit: past DATA_FILE_MAX_BYTES it becomes
 * an index of monthly files that together hold every event, in timeline order.
 */
import { describe, expect, it } from 'vitest';
import { DATA_FILE_MAX_BYTES, getEventsJsonFiles } from '../../src/lib/data-export';
import { HOSTS } from '../../src/lib/host-limits';

const head = { $schema: 'https://example.org/data/events.schema.json', title: 'T', description: 'D' };
const events = Array.from({ length: 90 }, (_, i) => {
  const date = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
  return { month: date.slice(0, 7), record: { id: `${date}-e`, title: `Event ${i}`, summary: 'x'.repeat(200) } };
});
const monthPath = (month: string) => ({ path: `data/events/${month}.json`, url: `https://example.org/data/events/${month}.json` });

describe('events.json', () => {
  it('is one file while the story fits', () => {
    const files = getEventsJsonFiles(head, events, [], monthPath);
    expect([...files.keys()]).toEqual(['data/events.json']);
    expect(JSON.parse(files.get('data/events.json') ?? '').events).toHaveLength(90);
  });

  it('becomes an index of monthly files past the limit, none of them over it', () => {
    const max = 10_000;
    const files = getEventsJsonFiles(head, events, [{ id: 'w' }], monthPath, max);
    const index = JSON.parse(files.get('data/events.json') ?? '') as { $schema: string; events?: unknown; parts: { month: string; url: string; events: number }[]; withdrawn: unknown[] };
    expect(index.events).toBeUndefined();
    expect(index.$schema).toBe(head.$schema);
    expect(index.withdrawn).toEqual([{ id: 'w' }]);
    expect(index.parts.map((part) => part.month)).toEqual(['2024-01', '2024-02', '2024-03']);
    const all = index.parts.flatMap((part) => {
      const text = files.get(part.url.replace('https://example.org/', '')) ?? '';
      expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(max);
      const file = JSON.parse(text) as { month: string; events: { id: string }[] };
      expect(file.month).toBe(part.month);
      expect(file.events).toHaveLength(part.events);
      return file.events.map((event) => event.id);
    });
    expect(all).toEqual(events.map((event) => event.record.id));
  });

  it('splits under the smallest per-file limit of the hosts', () => {
    const smallest = Math.min(...HOSTS.flatMap((host) => (host.fileBytes ? [host.fileBytes] : [])));
    expect(DATA_FILE_MAX_BYTES).toBeLessThan(smallest);
  });
});
