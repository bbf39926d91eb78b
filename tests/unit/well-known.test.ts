import { describe, expect, it } from 'vitest';
import { parseFileData, siteSchema } from '../../src/lib/site-files';
import { getSecurityTxt, getWebManifest, toIco } from '../../src/lib/well-known';

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

describe('favicon.ico', () => {
  const png = (bytes: number) => Uint8Array.from({ length: bytes }, (_, i) => i % 251);

  it('lists each image with its size, bytes and place, and holds them in that order', () => {
    const images = [
      { size: 16, png: png(245) },
      { size: 32, png: png(433) },
      { size: 256, png: png(9) },
    ];
    const ico = Buffer.from(toIco(images));
    // Reserved 0, type 1 (icon), three images.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 3]);
    let offset = 6 + 16 * images.length;
    images.forEach(({ size, png: data }, i) => {
      const entry = 6 + 16 * i;
      // 256 pixels is written 0.
      expect([ico[entry], ico[entry + 1]]).toEqual([size % 256, size % 256]);
      expect([ico.readUInt16LE(entry + 4), ico.readUInt16LE(entry + 6)]).toEqual([1, 32]);
      expect([ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)]).toEqual([data.length, offset]);
      expect(ico.subarray(offset, offset + data.length).equals(Buffer.from(data))).toBe(true);
      offset += data.length;
    });
    expect(ico.length).toBe(offset);
  });

  it('refuses an image no ICO can hold', () => {
    expect(() => toIco([{ size: 512, png: png(1) }])).toThrow(/1 to 256 pixels wide, not 512/);
    expect(() => toIco([{ size: 0, png: png(1) }])).toThrow(/not 0/);
  });
});
