/**
 * The story's own files pass every rule the build enforces. Parsed the way the events
 * loader parses them (src/lib/front-matter.ts), so a failure here is a failure there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/front-matter';
import { getSlug, inspectMarkdown, isDraft, isSlug } from '../../src/lib/entry-rules';
import { eventSchema } from '../../src/lib/schema';

type RawSource = { id?: unknown; title?: unknown; outlet?: unknown; url?: unknown; note?: unknown };
type RawEvent = {
  sources?: RawSource[];
  statements?: { id?: unknown; source?: unknown }[];
  claims?: { topic?: unknown; source?: unknown }[];
};

/** Titles that stand in for a report's headline instead of giving it ("Archive item 11153"). */
const PLACEHOLDER_TITLE =
  /^(?:archive item\b.*|(?:item|page|article|post|story|news|link|source|document)\s*#?\s*\d+|untitled|placeholder|tbd|todo|n\/?a|none|unknown|\d+|https?:\/\/.*)$/i;

/**
 * Outlets the fact check (audit.md, issue 15) found too weak to cite. One may stay only
 * where nothing better exists, and the entry's front matter must then say why in a
 * comment naming the outlet.
 */
const WEAK_HOSTS = [
  'news-usa.today', 'greenwatchbd.com', 'freebeacon.com', 'tmynewspaper.com', 'upday.com',
  'opindia.com', 'tawarepakistan.com', 'peoplebugs.com', 'midnightsun.cc', 'indiablooms.com',
  'theverified.com.pk', 'almayadeen.net', 'easterneye.biz', 'thediplomaticinsight.com', 'skynewsafrica.net',
];

/**
 * What a newsroom would not let through in an event's sources: a source with no
 * publisher (unless its note says the report names none), a placeholder title, or a
 * statement or claim that cites a source the event does not list.
 * @returns one message per problem, empty when the sources are sound
 */
function findSourcingProblems(event: RawEvent): string[] {
  const problems: string[] = [];
  const sources = event.sources ?? [];
  const ids = new Set(sources.map((s) => s.id));
  for (const s of sources) {
    const outlet = typeof s.outlet === 'string' ? s.outlet.trim() : '';
    const note = typeof s.note === 'string' ? s.note : '';
    if (!outlet && !/outlet not named/i.test(note)) {
      problems.push(`source "${String(s.id)}" has no publisher (outlet)`);
    }
    const title = typeof s.title === 'string' ? s.title.trim() : '';
    if (!title || PLACEHOLDER_TITLE.test(title)) {
      problems.push(`source "${String(s.id)}" has a placeholder title: "${title}"`);
    }
  }
  for (const s of event.statements ?? []) {
    if (!ids.has(s.source)) problems.push(`statement "${String(s.id)}" cites "${String(s.source)}", not among the sources`);
  }
  for (const c of event.claims ?? []) {
    if (!ids.has(c.source)) problems.push(`claim "${String(c.topic)}" cites "${String(c.source)}", not among the sources`);
  }
  return problems;
}

/**
 * Weak outlets an event cites without a front-matter comment that names the outlet and
 * says why it stays.
 * @returns the unexplained weak hosts
 */
function findUnexplainedWeakOutlets(event: RawEvent, rawFile: string): string[] {
  const frontMatter = rawFile.split(/^---$/m)[1] ?? '';
  const comments = frontMatter
    .split('\n')
    .filter((line) => line.trim().startsWith('#'))
    .join('\n')
    .toLowerCase();
  return (event.sources ?? []).flatMap((s) => {
    if (typeof s.url !== 'string') return [];
    const host = new URL(s.url).hostname.replace(/^www\./, '');
    const weak = WEAK_HOSTS.find((w) => host === w || host.endsWith(`.${w}`));
    if (!weak) return [];
    const outlet = typeof s.outlet === 'string' ? s.outlet.toLowerCase() : weak;
    return comments.includes(outlet) || comments.includes(weak) ? [] : [weak];
  });
}

const folder = 'content/events';
const unsafe = (body: string) => inspectMarkdown(body).problems;
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.md') && !isDraft(file),
);

describe('the story’s events', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s passes the schema and has a safe body', (file) => {
    const raw = readFileSync(join(folder, file), 'utf8');
    const { content } = parseFrontmatter(raw);
    const result = eventSchema.safeParse(readFrontMatter(raw));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(unsafe(content)).toEqual([]);
    expect(isSlug(getSlug(file))).toBe(true);
  });

  it.each(files)('%s names each source’s publisher, gives real titles and cites only its own sources', (file) => {
    const raw = readFileSync(join(folder, file), 'utf8');
    const { frontmatter } = parseFrontmatter(raw);
    expect(findSourcingProblems(frontmatter as RawEvent)).toEqual([]);
    expect(findUnexplainedWeakOutlets(frontmatter as RawEvent, raw)).toEqual([]);
  });

  it('use each statement id once across the story', () => {
    const ids = files.flatMap((file) => {
      return eventSchema.parse(readFrontMatter(readFileSync(join(folder, file), 'utf8'))).statements.map((s) => s.id);
    });
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('findSourcingProblems', () => {
  const good: RawSource = { id: 'a', title: 'Pakistan recalls ambassador', outlet: 'Reuters, via The Age', url: 'https://x.org/a' };

  it('accepts a source with a publisher and a headline, cited by id', () => {
    expect(findSourcingProblems({ sources: [good], statements: [{ id: 's', source: 'a' }], claims: [{ topic: 't', source: 'a' }] })).toEqual([]);
  });

  it('finds a source without a publisher, unless its note says the report names none', () => {
    expect(findSourcingProblems({ sources: [{ ...good, outlet: undefined }] })).toEqual([expect.stringMatching(/no publisher/)]);
    expect(findSourcingProblems({ sources: [{ ...good, outlet: ' ' }] })).toHaveLength(1);
    expect(findSourcingProblems({ sources: [{ ...good, outlet: undefined, note: 'The source article; outlet not named in the text.' }] })).toEqual([]);
  });

  it('finds placeholder titles', () => {
    for (const title of ['Archive item 11153', 'archive item', 'Item #4', 'Article 12', 'Untitled', 'TBD', '11153', 'https://x.org/a', '']) {
      expect(findSourcingProblems({ sources: [{ ...good, title }] }), title).toEqual([expect.stringMatching(/placeholder title/)]);
    }
    expect(findSourcingProblems({ sources: [{ ...good, title: 'Pakistan, Iran envoys to resume offices by Ja…' }] })).toEqual([]);
  });

  it('finds a statement or claim whose source is not in the event’s sources', () => {
    expect(findSourcingProblems({ sources: [good], statements: [{ id: 's', source: 'freebeacon' }] })).toEqual([
      'statement "s" cites "freebeacon", not among the sources',
    ]);
    expect(findSourcingProblems({ sources: [good], claims: [{ topic: 'Deaths', source: 'b' }] })).toEqual([
      'claim "Deaths" cites "b", not among the sources',
    ]);
  });
});

describe('findUnexplainedWeakOutlets', () => {
  const event: RawEvent = { sources: [{ id: 'a', title: 'x', outlet: 'upday', url: 'https://www.upday.com/uk/x' }] };

  it('finds a weak outlet cited without a comment saying why', () => {
    expect(findUnexplainedWeakOutlets(event, '---\ntitle: x\n---\nbody # upday')).toEqual(['upday.com']);
  });

  it('accepts it when a front-matter comment names it', () => {
    expect(findUnexplainedWeakOutlets(event, '---\n# upday is the only report of this.\ntitle: x\n---\n')).toEqual([]);
  });
});

describe('inspectMarkdown', () => {
  it('allows Markdown links to the web, mail and this site', () => {
    expect(unsafe('[a](https://x.org) [b](/about/) [c](#top) [d](../x/) [e](mailto:a@b.org) [f](events/x/)')).toEqual([]);
  });

  it('refuses nesting too deep to render, at any depth, and allows ninety quotes within quotes', () => {
    expect(unsafe(`${'> '.repeat(90)}quoted`)).toEqual([]);
    expect(unsafe(`${'> '.repeat(101)}quoted`)).toEqual([expect.stringMatching(/^line 1: the text is nested more than 100 levels deep/)]);
    expect(unsafe(`text\n\n${'- '.repeat(50_000)}listed`)).toEqual([expect.stringMatching(/^line 3: the text is nested more than 100 levels deep/)]);
    // Emphases within emphases, which the parser reads in minutes at this size.
    const open = Array.from({ length: 20_000 }, (_, i) => `${i % 2 ? '_' : '*'}w`).join(' ');
    const close = Array.from({ length: 20_000 }, (_, i) => `w${i % 2 ? '*' : '_'}`).join(' ');
    expect(unsafe(`text\n\n${open} x\n${close}`)).toEqual([expect.stringMatching(/^line 3: more than 200 emphasis marks/)]);
    expect(unsafe(`text\n\n${'*'.repeat(20_000)}x`)).toEqual([expect.stringMatching(/^line 3: more than 200 emphasis marks/)]);
    // A paragraph ends at a blank line: the marks are counted again.
    const paragraph = `*${'a few words '.repeat(5)}* and _more_ and ~~struck~~.`;
    expect(unsafe(Array.from({ length: 40 }, () => paragraph).join('\n\n'))).toEqual([]);
    // Nor are a list's own markers emphasis: a list of 300 items passes.
    expect(unsafe(Array.from({ length: 300 }, (_, i) => `* item ${i}`).join('\n'))).toEqual([]);
  });

  it('finds raw HTML, block or inline, with its line', () => {
    expect(unsafe('ok\n\n<iframe src="https://x.org"></iframe>')).toEqual([
      expect.stringMatching(/^line 3: raw HTML is not allowed \(<iframe/),
    ]);
    expect(unsafe('text <object data="x"></object>')).toHaveLength(2);
  });

  it('finds script and data addresses however they are written', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'java&#x09;script:alert(1)']) {
      expect(unsafe(`[x](${url})`), url).toHaveLength(1);
    }
    expect(unsafe('![img](javascript:alert(1))')).toHaveLength(1);
    expect(unsafe('[x][ref]\n\n[ref]: javascript:alert(1)')).toHaveLength(1);
  });
});
