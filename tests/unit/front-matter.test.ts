/**
 * Dates and times are read as the editor wrote them, and only real ones pass: js-yaml
 * would have turned an unquoted `2024-02-30` into 1 March before the schema saw it.
 */
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/front-matter';
import { eventSchema } from '../../src/lib/schema';

function eventFile(when: string, precision: string, statementDate = '2024-01-17'): string {
  return `---
title: An event
summary: A summary.
published: 2024-01-17
kind: statement
when:
  date: ${when}
  precision: ${precision}
  timeZone: Asia/Karachi
countries: [PK]
statements:
  - { id: a-quote, speaker: A speaker, role: A role, country: PK, quote: Words., date: ${statementDate}, source: a-source }
sources:
  - { id: a-source, title: A source, url: "https://example.org/" }
---

A body.
`;
}

/** @returns the problems the schema finds, as `path: message` */
function problems(raw: string): string[] {
  const result = eventSchema.safeParse(readFrontMatter(raw));
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('reading front matter', () => {
  it('keeps unquoted dates and date-times as the text written', () => {
    const data = readFrontMatter(eventFile('2024-02-30', 'day')) as { when: { date: unknown } };
    expect(data.when.date).toBe('2024-02-30');
    const timed = readFrontMatter(eventFile('2024-01-17T10:00+05:00', 'minute')) as { when: { date: unknown } };
    expect(timed.when.date).toBe('2024-01-17T10:00+05:00');
  });

  it('returns nothing for a file without front matter', () => {
    expect(readFrontMatter('Just a body.')).toEqual({});
  });

  it('refuses a field written twice rather than keeping one of them', () => {
    expect(() => readFrontMatter('---\ntitle: One\ntitle: Two\n---\nBody.')).toThrow(/duplicated mapping key/);
  });

  it('keeps yes, no and on as words, as YAML 1.2 does', () => {
    expect(readFrontMatter('---\nanswer: yes\nother: no\nswitch: on\n---\n')).toEqual({ answer: 'yes', other: 'no', switch: 'on' });
  });
});

describe('impossible dates and times are refused, naming the field', () => {
  it.each([
    ['2023-02-29', 'day'],
    ['2024-13-01', 'day'],
    ['2024-04-31', 'day'],
    ['2024-02-30', 'day'],
  ])('when.date %s', (date, precision) => {
    expect(problems(eventFile(date, precision))).toEqual([`when.date: "${date}" must be a date, YYYY-MM-DD, when the precision is "day"`]);
  });

  it.each(['2024-01-17T24:00+05:00', '2024-01-17T23:60+05:00', '2024-04-31T10:00+05:00'])('when.date %s', (date) => {
    expect(problems(eventFile(date, 'minute'))).toEqual([`when.date: "${date}" is not a real date and time`]);
  });

  it.each(['2023-02-29', '2024-04-31', '2024-13-01'])('statement date %s', (date) => {
    expect(problems(eventFile('2024-01-17', 'day', date))).toEqual([`statements.0.date: "${date}" is not a real date in the form YYYY-MM-DD`]);
  });

  it('accepts 29 February in a leap year, and 23:59', () => {
    expect(problems(eventFile('2024-02-29', 'day', '2024-02-29'))).toEqual([]);
    expect(problems(eventFile('2024-02-29T23:59+05:00', 'minute'))).toEqual([]);
  });
});
