import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectMarkdown } from '../../src/lib/entry-rules';
import { readBody, readFrontMatter } from '../../src/lib/front-matter';
import { eventSchema } from '../../src/lib/schema';
import { escapeMarkdown, getZoneOffset, htmlToText, importSheet, parseSheetTime, toTimelineJs } from '../../src/lib/timelinejs';

const sheet = readFileSync('tests/fixtures/timelinejs/sheet.csv', 'utf8');
const defaults = { timeZone: 'Asia/Karachi', kind: 'talks', countries: [], published: '2024-02-01' };

describe('importing a TimelineJS sheet', () => {
  const { files, problems } = importSheet(sheet, defaults);

  it('reports each row it left out or could not convert, by its sheet row number', () => {
    expect(problems.map(({ row, skipped, reason }) => [row, skipped, reason.split(':')[0]])).toEqual([
      [2, true, 'the title row is the story’s name'],
      [6, false, 'no Day'],
      [7, true, 'an era is a span of time, not an event'],
      [8, false, 'no https address in Media or in a link in Text'],
      [9, false, 'Time "25'],
      [10, false, 'Group "Atlantis" names no country'],
    ]);
  });

  it('writes files the schema and the Markdown rules accept', () => {
    expect(files.map((f) => f.row)).toEqual([3, 4, 5]);
    for (const { slug, file } of files) {
      // Read as the site reads an event file: dates as written.
      const frontmatter = readFrontMatter(file);
      const content = readBody(file);
      const parsed = eventSchema.safeParse(frontmatter);
      expect(parsed.error?.issues ?? [], slug).toEqual([]);
      expect(inspectMarkdown(content).problems, slug).toEqual([]);
    }
  });

  it('keeps a time with its zone’s offset, and a day without a time as a day', () => {
    const data = files.map(({ file }) => eventSchema.parse(readFrontMatter(file)));
    expect(data.map((d) => [d.when.date, d.when.precision])).toEqual([
      ['2023-03-09', 'day'],
      ['2023-03-10T14:05+05:00', 'minute'],
      ['2023-03-11', 'day'],
    ]);
    expect(data.map((d) => d.countries)).toEqual([['PK'], ['IR'], ['PK', 'IR']]);
  });

  it('turns HTML in Text into words, never markup, and its https links into sources', () => {
    const html = files.find((f) => f.row === 5);
    const frontmatter = readFrontMatter(html?.file ?? '');
    const content = readBody(html?.file ?? '');
    // Every < left is escaped; the script and the image went with their attributes.
    expect(content.replaceAll('\\<', '')).not.toContain('<');
    expect(content).not.toMatch(/alert\("x"\)|onerror/);
    expect(content).toContain('Officials said nothing at first.');
    expect(content).toContain('\\<iframe src=javascript:alert(1)\\>');
    expect(content).toContain('\\[a link\\](javascript:alert(2))');
    expect((frontmatter as { sources: unknown[] }).sources).toEqual([{ id: 'link-1', title: 'the report', url: 'https://example.org/report?id=1&x=2' }]);
    expect((frontmatter as { title: string }).title).toBe('Officials say nothing & "more"');
  });

  it('never reuses a slug that exists or that an earlier row took', () => {
    const again = importSheet(sheet, defaults, new Set(['2023-03-09-talks-open-in-the-capital']));
    expect(again.files[0]?.slug).toBe('2023-03-09-talks-open-in-the-capital-2');
  });

  it('with a default country, a Group that names none still imports', () => {
    const withCountry = importSheet(sheet, { ...defaults, countries: ['PK'] });
    expect(withCountry.files.map((f) => f.row)).toEqual([3, 4, 5, 10]);
    expect(withCountry.files.at(-1)?.file).toContain('title: "He said: \\"no\\" — #1 - yes: it\'s"');
  });

  it('refuses a sheet that is not the template', () => {
    expect(() => importSheet('a,b\n1,2\n', defaults)).toThrow(/no column Year, Headline, Text/);
  });
});

describe('the pieces', () => {
  it('reads the times people type', () => {
    expect(['14:05', '2:05 PM', '12:00 am', '12:30 p.m.', '09:15:30', '25:00', '13:00 PM', 'noon'].map(parseSheetTime)).toEqual(['14:05', '14:05', '00:00', '12:30', '09:15', undefined, undefined, undefined]);
  });

  it('finds a zone’s offset on either side of a clock change', () => {
    expect(getZoneOffset('2023-03-11', '12:00', 'America/New_York')).toBe('-05:00');
    expect(getZoneOffset('2023-03-12', '12:00', 'America/New_York')).toBe('-04:00');
    expect(getZoneOffset('2024-01-18', '04:05', 'Asia/Tehran')).toBe('+03:30');
  });

  it('drops scripts with their content and keeps paragraphs', () => {
    expect(htmlToText('<p>a &amp; b</p><script>evil()</script><style>p{}</style><p>c<br>d</p>').paragraphs).toEqual(['a & b', 'c', 'd']);
  });

  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdown('# 1. <b> *x* [y](z) &amp;')).toBe('\\# 1. \\<b\\> \\*x\\* \\[y\\](z) \\&amp;');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
  });
});

describe('the TimelineJS JSON export', () => {
  const story = toTimelineJs(
    {
      title: 'A <story>',
      description: 'About it.',
      events: [
        { id: '2024-01-18-a', title: 'Strikes & "claims"', summary: 'S.', when: { date: '2024-01-18T04:05+03:30', precision: 'minute', timeZone: 'Asia/Tehran' }, countries: ['PK', 'IR'], url: 'https://example.org/events/2024-01-18-a/' },
        { id: '2024-01-19-b', title: 'B', summary: 'S.', when: { date: '2024-01-19', precision: 'morning', timeZone: 'Asia/Karachi' }, countries: ['IR'], url: 'https://example.org/events/2024-01-19-b/' },
      ],
    },
    'Read more',
  );

  it('gives local dates, the minute only where known, escaped text and a link to each permalink', () => {
    expect(story.title.text.headline).toBe('A &lt;story&gt;');
    expect(story.events[0]).toMatchObject({ start_date: { year: 2024, month: 1, day: 18, hour: 4, minute: 5 }, text: { headline: 'Strikes &amp; &quot;claims&quot;' }, group: 'Pakistan', unique_id: '2024-01-18-a' });
    expect(story.events[0]?.text.text).toContain('<a href="https://example.org/events/2024-01-18-a/">Read more</a>');
    expect(story.events[1]?.start_date).toEqual({ year: 2024, month: 1, day: 19 });
  });
});
