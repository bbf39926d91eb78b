import { describe, expect, it } from 'vitest';
import { describeLostPaths, findLostContentPaths } from '../../src/lib/lost-urls';

describe('published URLs that the content no longer gives (the URL lock in dev)', () => {
  const published = ['/', '/about/', '/events/2024-01-16-a/', '/events/2024-01-17-b/', '/statements/b-said/', '/countries/pk/', '/countries/pk/2/', '/timeline/2/'];
  const pages = { events: ['2024-01-16-a', '2024-01-17-b'], statements: ['b-said'], countries: ['PK'] };

  it('finds nothing lost while every event, statement and country still has its page', () => {
    expect(findLostContentPaths(published, pages, {})).toEqual([]);
  });

  it('finds a renamed event and its statement, unless a redirect keeps them', () => {
    const renamed = { events: ['2024-01-16-a', '2024-01-17-b-renamed'], statements: [], countries: ['PK'] };
    expect(findLostContentPaths(published, renamed, {})).toEqual(['/events/2024-01-17-b/', '/statements/b-said/']);
    expect(findLostContentPaths(published, renamed, { '/events/2024-01-17-b/': '/events/2024-01-17-b-renamed/' })).toEqual(['/statements/b-said/']);
  });

  it('leaves pages that do not come from an event to the build (timeline pages, later pages of a country, About)', () => {
    const lost = findLostContentPaths(published, { events: [], statements: [], countries: [] }, {});
    expect(lost).toContain('/countries/pk/');
    expect(lost).not.toContain('/timeline/2/');
    expect(lost).not.toContain('/countries/pk/2/');
  });

  it('words the failure as the build does, naming the redirects file', () => {
    expect(describeLostPaths(['/events/2024-01-17-b/'], 'content/redirects.json')).toBe(
      '1 published URL(s) would disappear:\n  /events/2024-01-17-b/\nRestore them, or declare where each now lives in content/redirects.json, e.g. { "/events/2024-01-17-b/": "/events/new-slug/" }.',
    );
  });
});
