/**
 * Corrections and updates in order and in words, dates after the build, and the
 * feeds' and JSON-LD's account of a change.
 */
import { describe, expect, it } from 'vitest';
import { findFutureDates, type DatedEvent } from '../../src/lib/entry-rules';
import { toAtom, toFeedEntry, toJsonFeed, toRss } from '../../src/lib/feeds';
import { getEventJsonLd, getWithdrawnCard } from '../../src/lib/previews';
import { eventSchema, type Update } from '../../src/lib/schema';
import { getUpdateDateTime, getUpdateHeading, getUpdatesNewestFirst } from '../../src/lib/updates';

const updates: Update[] = [
  { date: '2024-01-19', kind: 'correction', note: 'First.' },
  { date: '2024-01-23', kind: 'clarification', note: 'Newest.' },
  { date: '2024-01-19', time: '16:00', kind: 'update', note: 'Later that day.' },
];

describe('updates', () => {
  it('come newest first, a timed one after the same day without a time, each keeping its anchor', () => {
    expect(getUpdatesNewestFirst(updates).map(({ update, anchor }) => `${anchor} ${update.note}`)).toEqual([
      'update-2 Newest.',
      'update-3 Later that day.',
      'update-1 First.',
    ]);
  });

  it('are headed in words, with the time where known', () => {
    expect(getUpdateHeading({ date: '2024-01-23', kind: 'correction' })).toBe('Corrected on 23 January 2024');
    expect(getUpdateHeading({ date: '2024-01-19', time: '16:00', kind: 'update' })).toBe('Updated on 19 January 2024, 16:00');
    expect(getUpdateHeading({ date: '2024-01-19', kind: 'clarification' })).toBe('Clarified on 19 January 2024');
  });

  it('are dated in the event’s zone', () => {
    expect(getUpdateDateTime({ date: '2024-01-19', time: '16:00' }, 'Asia/Tehran')).toBe('2024-01-19T16:00:00+03:30');
    expect(getUpdateDateTime({ date: '2024-01-19' }, 'Asia/Karachi')).toBe('2024-01-19T00:00:00+05:00');
  });

  it('refuse a clock time that is not one, and a reason without a withdrawal', () => {
    const base = {
      title: 'T', summary: 'S', kind: 'statement', published: '2024-01-17', countries: ['PK'],
      when: { date: '2024-01-17', precision: 'day', timeZone: 'Asia/Karachi' },
      sources: [{ id: 'a', title: 'A', url: 'https://example.org/' }],
    };
    const issues = (extra: object) => (eventSchema.safeParse({ ...base, ...extra }).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ updates: [{ date: '2024-01-18', time: '24:00', kind: 'update', note: 'N' }] })).toEqual(['updates.0.time: "24:00" is not a clock time from 00:00 to 23:59']);
    expect(issues({ updates: [{ date: '2024-01-18', time: '23:60', kind: 'update', note: 'N' }] })).toEqual(['updates.0.time: "23:60" is not a clock time from 00:00 to 23:59']);
    expect(issues({ updates: [{ date: '2024-01-18', kind: 'update', note: 'N', source: 'b' }] })[0]).toMatch(/^updates\.0\.source: cites source "b"/);
    expect(issues({ reason: 'Why' })).toEqual(['reason: give a reason only with status: withdrawn']);
    // Our own correction cannot come before we published; a newer report about the story can.
    expect(issues({ published: '2024-01-20', updates: [{ date: '2024-01-18', kind: 'correction', note: 'N' }] })).toEqual([
      'published: 2024-01-20 is after the correction of 2024-01-18 (updates.0.date); a correction can only follow publication',
    ]);
    expect(issues({ published: '2024-01-20', updates: [{ date: '2024-01-18', kind: 'update', note: 'N' }] })).toEqual([]);
    expect(issues({ published: '2024-02-30' })).toEqual(['published: "2024-02-30" is not a real date in the form YYYY-MM-DD']);
    expect(issues({ status: 'withdrawn', reason: 'Why' })).toEqual([]);
  });
});

describe('dates after the build', () => {
  const event: DatedEvent = {
    when: { date: '2024-01-18', precision: 'day', timeZone: 'Asia/Karachi' },
    status: 'published',
    statements: [{ date: '2024-01-18' }],
    updates: [{ date: '2024-01-19' }],
    sources: [{ published: '2024-01-18' }, {}],
  };

  it('pass on or before the build day', () => {
    expect(findFutureDates(event, '2024-01-19')).toEqual([]);
  });

  it('fail, naming each field, when after it', () => {
    expect(findFutureDates(event, '2024-01-17').map((f) => f.field)).toEqual(['when.date', 'statements.0.date', 'updates.0.date', 'sources.0.published']);
  });

  it('let an event marked scheduled be set after it, but nothing said about it', () => {
    const scheduled = { ...event, status: 'scheduled' as const, statements: [], updates: [], sources: [] };
    expect(findFutureDates(scheduled, '2024-01-17')).toEqual([]);
  });
});

describe('a changed event in feeds and JSON-LD', () => {
  const data = eventSchema.parse({
    title: 'T', summary: 'Summary.', kind: 'statement', published: '2024-01-17', countries: ['PK'],
    when: { date: '2024-01-17', precision: 'day', timeZone: 'Asia/Karachi' },
    sources: [{ id: 'a', title: 'A', url: 'https://example.org/' }],
    updates: [{ date: '2024-01-19', time: '10:30', kind: 'correction', note: 'Fixed the place.' }],
  });
  const entry = toFeedEntry({ id: '2024-01-17-t', data }, 'https://example.org');
  const info = { title: 'S', description: 'D', home: 'https://example.org/', self: 'https://example.org/feed' };

  it('carry the date of the change and the note', () => {
    expect(toAtom(info, [entry])).toContain('<updated>2024-01-19T10:30:00+05:00</updated>\n    <published>2024-01-17T00:00:00+05:00</published>');
    expect(toAtom(info, [entry])).toContain('Corrected on 19 January 2024, 10:30: Fixed the place.</content>');
    expect(JSON.parse(toJsonFeed(info, [entry])).items[0].date_modified).toBe('2024-01-19T10:30:00+05:00');
    expect(toRss(info, [entry])).toContain('Summary.\n\nCorrected on 19 January 2024, 10:30: Fixed the place.</description>');
    const article = getEventJsonLd(data, 'https://example.org/e/', 'https://example.org/i.png', { name: 'S', url: 'https://example.org/' });
    expect(article['datePublished']).toBe('2024-01-17');
    expect(article['dateModified']).toBe('2024-01-19T10:30:00+05:00');
    expect(article['correction']).toEqual([
      { '@type': 'CorrectionComment', url: 'https://example.org/e/#update-1', datePublished: '2024-01-19T10:30:00+05:00', text: 'Corrected on 19 January 2024, 10:30: Fixed the place.' },
    ]);
  });

  it('leave an unchanged event as it was', () => {
    const plain = toFeedEntry({ id: '2024-01-17-t', data: { ...data, updates: [] } }, 'https://example.org');
    expect(plain.updated).toBeUndefined();
    expect(toAtom(info, [plain])).not.toContain('<content');
    expect(JSON.parse(toJsonFeed(info, [plain])).items[0].date_modified).toBeUndefined();
    const article = getEventJsonLd({ ...data, updates: [] }, 'https://example.org/e/', 'https://example.org/i.png', { name: 'S', url: 'https://example.org/' });
    expect(article['dateModified']).toBe('2024-01-17');
    expect(article['correction']).toBeUndefined();
  });

  it('date the page by what changed after it was published, not by an older report', () => {
    const told = { ...data, published: '2024-02-01', updates: [{ date: '2024-01-18', kind: 'update' as const, note: 'The toll rose.' }] };
    const article = getEventJsonLd(told, 'https://example.org/e/', 'https://example.org/i.png', { name: 'S', url: 'https://example.org/' });
    expect(article['datePublished']).toBe('2024-02-01');
    expect(article['dateModified']).toBe('2024-02-01');
    expect((article['correction'] as unknown[]).length).toBe(1);
  });
});

describe('a withdrawn event’s preview image', () => {
  it('shows that it was withdrawn, and none of its words', () => {
    const data = eventSchema.parse({
      title: 'T', summary: 'Words that were withdrawn.', kind: 'statement', published: '2024-01-17', countries: ['PK'],
      when: { date: '2024-01-17', precision: 'day', timeZone: 'Asia/Karachi' },
      sources: [{ id: 'a', title: 'A', url: 'https://example.org/' }],
      status: 'withdrawn', reason: 'Why.',
    });
    const card = getWithdrawnCard(data, 'Site');
    expect(card.title).toBe('Withdrawn: T');
    expect(JSON.stringify(card)).not.toContain('Words that were withdrawn');
  });
});
