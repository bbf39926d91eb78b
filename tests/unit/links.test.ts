/**
 * Editors' links to pages of the site are checked against what the build renders:
 * the anchors an event page has, and the pages in `src/pages/`, under the base path.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSiteLink, type SiteMap } from '../../src/lib/entry-rules';
import { normalizeBase, withBase } from '../../src/lib/base';
import { getEventAnchors, getEventSections, getFixedPaths } from '../../src/lib/urls';

const pageFiles = readdirSync('src/pages', { recursive: true, encoding: 'utf8' });
const bare = { updates: [], statements: [], claims: [], actors: [], sources: [{ id: 'wire' }] };
const full = { updates: [{}], statements: [{ id: 'a-quote' }], claims: [{}], actors: [{}], sources: [{ id: 'wire' }] };
const withdrawn = { ...full, status: 'withdrawn' };
const site: SiteMap = {
  events: new Map([
    ['2024-01-17-bare', new Set(getEventAnchors(bare))],
    ['2024-01-18-full', new Set(getEventAnchors(full))],
    ['2024-01-19-withdrawn', new Set(getEventAnchors(withdrawn))],
  ]),
  statements: new Set(['a-quote']),
  countries: new Set(['pk']),
  fixedPaths: new Set(getFixedPaths(pageFiles)),
  timelinePages: 3,
};
const check = (link: string) => checkSiteLink(link, '2024-01-17-bare', site);

describe('links to sections of an event page', () => {
  it('reach only the notice and updates of a withdrawn event, none of its text', () => {
    expect(getEventSections(withdrawn)).toEqual(['updates']);
    expect(check('/events/2024-01-19-withdrawn/')).toBeUndefined();
    expect(check('/events/2024-01-19-withdrawn/#update-1')).toBeUndefined();
    expect(check('/events/2024-01-19-withdrawn/#a-quote')).toMatch(/no such anchor/);
    expect(check('/events/2024-01-19-withdrawn/#sources')).toMatch(/no such anchor/);
  });

  it('pass only for the sections the page renders', () => {
    expect(getEventSections(bare)).toEqual(['sources']);
    expect(getEventSections(full)).toEqual(['updates', 'statements', 'claims', 'actors', 'sources']);
    expect(check('/events/2024-01-18-full/#update-1')).toBeUndefined();
    expect(check('/events/2024-01-18-full/#update-2')).toMatch(/no such anchor/);
    expect(check('/events/2024-01-18-full/#claims')).toBeUndefined();
    expect(check('/events/2024-01-18-full/#a-quote')).toBeUndefined();
    expect(check('#source-wire')).toBeUndefined();
    for (const section of ['statements', 'claims', 'actors']) {
      expect(check(`#${section}`)).toBe(`links to #${section} on /events/2024-01-17-bare/, which has no such anchor`);
    }
  });
});

describe('links to pages that do not come from content', () => {
  it('pass for every page in src/pages and the generated sitemap', () => {
    for (const path of ['/', '/about/', '/countries/', '/search/', '/data/', '/data/events.csv', '/data/events.schema.json', '/feed.xml', '/atom.xml', '/feed.json', '/robots.txt', '/sitemap.xml']) {
      expect(check(path), path).toBeUndefined();
    }
  });

  it('pass for timeline pages that exist, and no others', () => {
    expect(check('/timeline/2/')).toBeUndefined();
    expect(check('/timeline/3/')).toBeUndefined();
    for (const path of ['/timeline/1/', '/timeline/4/', '/timeline/02/', '/404/', '/events/', '/statements/']) {
      expect(check(path)).toBe(`links to ${path}, which is not a page of this site`);
    }
  });

  it('are read from the page files, leaving out routes with parameters', () => {
    expect(getFixedPaths(['index.astro', 'about.astro', 'data/index.astro', 'data/events.csv.ts', 'robots.txt.ts', 'events/[slug].astro', '404.astro'])).toEqual([
      '/',
      '/about/',
      '/data/',
      '/data/events.csv',
      '/robots.txt',
      '/sitemap.xml',
    ]);
  });
});

describe('the base path', () => {
  it('puts a site path under the sub-path the site is served from, with or without slashes', () => {
    expect(withBase('/', '/about/')).toBe('/about/');
    expect(withBase('/timeline', '/about/')).toBe('/timeline/about/');
    expect(withBase('/timeline/', 'events/x/')).toBe('/timeline/events/x/');
    expect(withBase('/timeline/', '')).toBe('/timeline/');
    expect(normalizeBase('/timeline')).toBe('/timeline/');
  });
});
