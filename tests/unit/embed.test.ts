import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPageOfDay, getIframeCode, getOembed, getResizeMessage, isDayInRange, isResizeMessage, MEASURE_MESSAGE_TYPE, parseDateRange, RESIZE_MESSAGE_TYPE, withEmbedRedirects } from '../../src/lib/embed';
import { getHeadersForPath, matchesPattern, parseHeaders, rebaseHeaders } from '../../src/lib/headers';
import { checkOembed } from '../support/oembed';

const src = 'https://example.org/embed/events/2024-01-18-x/';

describe('iframe code', () => {
  it('escapes a title that would close the attribute or the element', () => {
    const code = getIframeCode({ src, title: 'He said "no" <b>&</b>', kind: 'event' });
    expect(code).toContain('title="He said &quot;no&quot; &lt;b&gt;&amp;&lt;/b&gt;"');
    expect(code.match(/<iframe/g)).toHaveLength(1);
  });

  it('adds the resize script only when asked to', () => {
    expect(getIframeCode({ src, title: 't', kind: 'event' })).not.toContain('<script');
    expect(getIframeCode({ src, title: 't', kind: 'event', script: 'https://example.org/embed/resize.js' })).toMatch(/<\/iframe>\n<script src="https:\/\/example.org\/embed\/resize.js" async><\/script>$/);
  });
});

describe('resize messages', () => {
  it('accepts only the right type with a sane height', () => {
    expect(isResizeMessage(getResizeMessage(412.2))).toBe(true);
    expect(getResizeMessage(412.2).height).toBe(413);
    for (const bad of [null, 'height', { type: 'other', height: 10 }, { type: RESIZE_MESSAGE_TYPE, height: '10' }, { type: RESIZE_MESSAGE_TYPE, height: -1 }, { type: RESIZE_MESSAGE_TYPE, height: Infinity }, { type: RESIZE_MESSAGE_TYPE, height: 1e9 }]) {
      expect(isResizeMessage(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('public/embed/resize.js listens for the same message type and stays under 2 KB', () => {
    const script = readFileSync('public/embed/resize.js', 'utf8');
    expect(script).toContain(`'${RESIZE_MESSAGE_TYPE}'`);
    expect(script).toContain(`'${MEASURE_MESSAGE_TYPE}'`);
    expect(script).toContain('event.origin !== origin');
    expect(Buffer.byteLength(script)).toBeLessThan(2048);
  });
});

describe('date ranges', () => {
  it('reads both ends, ignores malformed ones and swaps a reversed range', () => {
    expect(parseDateRange('?from=2024-01-16&to=2024-01-18')).toEqual({ from: '2024-01-16', to: '2024-01-18' });
    expect(parseDateRange('?from=2024-13-01&to=2024-01-18')).toEqual({ to: '2024-01-18' });
    expect(parseDateRange('?from=<script>')).toEqual({});
    expect(parseDateRange('?from=2024-01-18&to=2024-01-16')).toEqual({ from: '2024-01-16', to: '2024-01-18' });
  });

  it('includes both ends', () => {
    const range = { from: '2024-01-16', to: '2024-01-18' };
    expect(['2024-01-15', '2024-01-16', '2024-01-18', '2024-01-19'].map((day) => isDayInRange(day, range))).toEqual([false, true, true, false]);
    expect(isDayInRange('1999-01-01', {})).toBe(true);
  });

  it('finds the page of a long timeline that a range starts on, a day on two pages on the first', () => {
    const starts = ['2024-01-01', '2024-01-07', '2024-01-07', '2024-02-01'];
    expect(['2023-12-31', '2024-01-01', '2024-01-06', '2024-01-07', '2024-01-20', '2025-01-01'].map((day) => findPageOfDay(starts, day))).toEqual([1, 1, 1, 2, 3, 4]);
  });
});

describe('oEmbed', () => {
  const doc = getOembed({
    iframe: { src, title: 'Pakistan strikes', kind: 'event', script: 'https://example.org/embed/resize.js' },
    siteName: 'A story',
    siteUrl: 'https://example.org/',
    thumbnail: { url: 'https://example.org/og/events/x.png', width: 1200, height: 630 },
  });

  it('is a valid rich response whose html is the frame alone', () => {
    expect(checkOembed(doc)).toEqual([]);
    expect(doc.html).toMatch(/^<iframe src="https:\/\/example.org\/embed\/events\/2024-01-18-x\/"[^>]*><\/iframe>$/);
  });

  it('the checker catches what the spec forbids', () => {
    expect(checkOembed({ ...doc, version: 1 })).toHaveLength(1);
    expect(checkOembed({ type: 'rich', version: '1.0', html: '<iframe></iframe>' })).toEqual(['a rich response needs width', 'a rich response needs height']);
    const noWidth: Partial<typeof doc> = { ...doc };
    delete noWidth.thumbnail_width;
    expect(checkOembed(noWidth)).toHaveLength(1);
    expect(checkOembed({ ...doc, width: '600' })).toHaveLength(1);
  });
});

describe('_headers', () => {
  const rules = parseHeaders(readFileSync('public/_headers', 'utf8'));

  it('lets other sites frame /embed/* and nothing else', () => {
    const page = getHeadersForPath(rules, '/events/2024-01-18-x/');
    expect(page.get('x-frame-options')).toBe('DENY');
    expect(page.get('content-security-policy')).toBe("frame-ancestors 'none'");
    const embed = getHeadersForPath(rules, '/embed/events/2024-01-18-x/');
    expect(embed.has('x-frame-options')).toBe(false);
    expect(embed.get('content-security-policy')).toBe('frame-ancestors *');
    // The rest of the site-wide headers still apply to the frames.
    expect(embed.get('x-content-type-options')).toBe('nosniff');
  });

  it('matches wildcards as hosts do, and follows a sub-path', () => {
    expect(matchesPattern('/embed/*', '/embed/')).toBe(true);
    expect(matchesPattern('/embed/*', '/embedded/')).toBe(false);
    const under = parseHeaders(rebaseHeaders(readFileSync('public/_headers', 'utf8'), '/timeline/'));
    expect(getHeadersForPath(under, '/timeline/embed/').has('x-frame-options')).toBe(false);
    expect(getHeadersForPath(under, '/timeline/about/').get('x-frame-options')).toBe('DENY');
  });
});

describe('redirects', () => {
  it('move an event’s or a statement’s frame with it, unless one is declared', () => {
    expect(withEmbedRedirects({ '/events/a/': '/events/b/', '/statements/x/': '/statements/y/', '/about-us/': '/about/' })).toEqual({
      '/embed/events/a/': '/embed/events/b/',
      '/embed/statements/x/': '/embed/statements/y/',
      '/events/a/': '/events/b/',
      '/statements/x/': '/statements/y/',
      '/about-us/': '/about/',
    });
    expect(withEmbedRedirects({ '/events/a/': '/events/b/', '/embed/events/a/': '/embed/' })['/embed/events/a/']).toBe('/embed/');
  });
});
