/**
 * What a browser or a phone fetches besides the pages: the icons the head names, the
 * web manifest (each icon it lists served at the size it states), `/favicon.ico` (asked
 * for where no page names an icon: a feed, a data file) and security.txt.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const site = JSON.parse(readFileSync('content/site.json', 'utf8')) as { title: string; shortName: string; contact?: string };
const SITE = process.env['SITE_URL'] ?? 'http://localhost:4321';

/** @returns a PNG's width and height, from its IHDR chunk */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

test('every page links its icons and manifest, and each is served at the size it states', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const links = [...html.matchAll(/<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"(?: type="([^"]+)")?(?: sizes="(\d+)x\d+")?/g)];
  expect(links.map(([, rel]) => rel).sort()).toEqual(['apple-touch-icon', 'icon', 'icon', 'manifest']);
  for (const [, rel, href = '', , size] of links) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    if (rel === 'apple-touch-icon') expect(pngSize(await response.body())).toEqual([180, 180]);
    if (size) expect(pngSize(await response.body())).toEqual([Number(size), Number(size)]);
  }
  expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}">/);
});

test('the web manifest names the site and lists icons that exist at their stated sizes', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = (await response.json()) as Record<string, unknown> & { icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest).toMatchObject({ name: site.title, short_name: site.shortName, start_url: '/', scope: '/' });
  expect(manifest['theme_color']).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest['background_color']).toMatch(/^#[0-9a-f]{6}$/);
  // What browsers ask of an installable site: a 192 and a 512 pixel PNG, and one that may be masked.
  const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
  expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(pngs.some((icon) => icon.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    if (icon.type !== 'image/png') continue;
    const [width, height] = pngSize(await file.body());
    expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
  }
});

test('/favicon.ico holds the icon as PNGs of the sizes it lists', async ({ request }) => {
  const response = await request.get('/favicon.ico');
  expect(response.status()).toBe(200);
  const ico = await response.body();
  // Reserved 0, type 1 (an icon), then how many images.
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const [offset, bytes] = [ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 8)];
    const [width, height] = pngSize(ico.subarray(offset, offset + bytes));
    expect([width % 256, height % 256], `image ${i}`).toEqual([ico[entry], ico[entry + 1]]);
    return width;
  });
  expect(sizes).toEqual(expect.arrayContaining([16, 32]));
});

test('security.txt gives the contact of site.json, or is not published without one', async ({ request }) => {
  const response = await request.get('/.well-known/security.txt');
  if (!site.contact) {
    // A security.txt without Contact is invalid (RFC 9116): none is better.
    expect(response.status()).toBe(404);
    return;
  }
  const fields = new Map((await response.text()).trim().split('\n').map((line) => line.split(/: (.*)/s).slice(0, 2) as [string, string]));
  expect(fields.get('Contact')).toBe(site.contact);
  expect(fields.get('Canonical')).toBe(`${SITE}/.well-known/security.txt`);
  const expires = Date.parse(fields.get('Expires') ?? '');
  expect(expires).toBeGreaterThan(Date.now() + 300 * 86_400_000);
  expect(expires).toBeLessThanOrEqual(Date.now() + 366 * 86_400_000);
});
