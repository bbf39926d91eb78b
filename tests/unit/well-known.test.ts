import { describe, expect, it } from 'vitest';
import { parseFileData, siteSchema } from '../../src/lib/site-files';
import { getSecurityTxt, getWebManifest } from '../../src/lib/well-known';

describe('security.txt (RFC 9116)', () => {
  const text = getSecurityTxt('mailto:security@example.org', 'https://example.org/.well-known/security.txt', new Date('2026-11-28T23:40:12.345Z'));
  const fields = new Map(text.trim().split('\n').map((line) => line.split(/: (.*)/s).slice(0, 2) as [string, string]));

  it('names the contact and its own address, and expires a year after the build', () => {
    expect(fields.get('Contact')).toBe('mailto:security@example.org');
    expect(fields.get('Canonical')).toBe('https://example.org/.well-known/security.txt');
    expect(fields.get('Expires')).toBe('2027-11-28T23:40:12Z');
    // RFC 9116: Contact and Expires are required, Expires at most once, as an RFC 3339 date-time.
    expect(text.match(/^Expires: /gm)).toHaveLength(1);
  });

  it('takes its contact from site.json, refusing one a researcher could not use', () => {
    const site = { title: 'T', shortName: 'T', description: 'D', coverage: 'C' };
    expect(parseFileData('content/site.json', { ...site, contact: 'https://example.org/security' }, siteSchema).contact).toBe('https://example.org/security');
    expect(() => parseFileData('content/site.json', { ...site, contact: 'security@example.org' }, siteSchema)).toThrow(/^content\/site\.json: contact: write a mailto: address/);
    expect(() => parseFileData('content/site.json', { ...site, contact: 'http://example.org/' }, siteSchema)).toThrow(/^content\/site\.json: contact: /);
    expect(() => parseFileData('content/site.json', { title: 'T', description: 'D', coverage: 'C' }, siteSchema)).toThrow(/^content\/site\.json: shortName: /);
  });
});

describe('the web manifest', () => {
  it('starts and stays within the base path', () => {
    const manifest = JSON.parse(getWebManifest({ title: 'A story', shortName: 'Story', description: 'D' }, (p = '') => `/timeline/${p}`));
    expect(manifest).toMatchObject({ name: 'A story', short_name: 'Story', start_url: '/timeline/', scope: '/timeline/' });
    expect(manifest.icons.map((icon: { src: string }) => icon.src)).toContain('/timeline/icon-512.png');
  });
});
