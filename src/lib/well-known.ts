/**
 * The files browsers, phones and security researchers look for at known addresses:
 * the icons (`/favicon.ico` too, which browsers and feed readers ask for where no page
 * names an icon: a feed, a data file), `/manifest.webmanifest` (what a phone shows when
 * the site is added to its home screen) and `/.well-known/security.txt` (RFC 9116:
 * whom to tell about a flaw).
 */
import { addYears } from 'date-fns/addYears';

/** The design's colours (src/styles/global.css, light scheme), for the browser's chrome and a launch screen. */
export const THEME_COLOR = '#8a1c1c';
export const BACKGROUND_COLOR = '#fdfcfa';

/**
 * The PNG icons drawn from `public/favicon.svg` by `npm run icons` and committed to
 * `public/`: a tab's icon, the manifest's, and iOS's home-screen icon. `maskable`
 * icons fill their square (the platform cuts its own shape); the others keep the
 * SVG's rounded corners.
 */
export const ICONS = [
  { path: 'icon-32.png', size: 32, purpose: 'any' },
  { path: 'icon-192.png', size: 192, purpose: 'any' },
  { path: 'icon-512.png', size: 512, purpose: 'any' },
  { path: 'icon-maskable-512.png', size: 512, purpose: 'maskable' },
  { path: 'apple-touch-icon.png', size: 180, purpose: 'apple-touch' },
] as const;

export type Icon = (typeof ICONS)[number];

/** The sizes `npm run icons` draws into `public/favicon.ico`, each as a PNG. */
export const ICO_SIZES = [16, 32] as const;

/**
 * @param images square PNG images, each with its width in pixels (at most 256)
 * @returns an ICO file holding them, PNG-compressed as Windows Vista and every browser
 *   since read it
 */
export function toIco(images: readonly { size: number; png: Uint8Array }[]): Uint8Array {
  const HEADER = 6;
  const ENTRY = 16;
  const ico = new Uint8Array(HEADER + ENTRY * images.length + images.reduce((sum, { png }) => sum + png.length, 0));
  const view = new DataView(ico.buffer);
  // Reserved, type 1 (an icon), then the number of images.
  view.setUint16(2, 1, true);
  view.setUint16(4, images.length, true);
  let offset = HEADER + ENTRY * images.length;
  images.forEach(({ size, png }, i) => {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new RangeError(`an ICO image is 1 to 256 pixels wide, not ${size}`);
    const entry = HEADER + ENTRY * i;
    // Width and height: 0 means 256. No palette, one colour plane, 32 bits a pixel.
    view.setUint8(entry, size % 256);
    view.setUint8(entry + 1, size % 256);
    view.setUint16(entry + 4, 1, true);
    view.setUint16(entry + 6, 32, true);
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    ico.set(png, offset);
    offset += png.length;
  });
  return ico;
}

/**
 * @param site the story's names
 * @param path a path of the site, e.g. `getPath`, so that a base path is kept
 * @returns the web manifest as JSON text
 */
export function getWebManifest(site: { title: string; shortName: string; description: string }, path: (p?: string) => string): string {
  return `${JSON.stringify(
    {
      name: site.title,
      short_name: site.shortName,
      description: site.description,
      lang: 'en',
      start_url: path(),
      scope: path(),
      display: 'browser',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      icons: [
        { src: path('favicon.svg'), type: 'image/svg+xml', sizes: 'any' },
        ...ICONS.filter((icon) => icon.purpose === 'any' || icon.purpose === 'maskable').map((icon) => ({
          src: path(icon.path),
          type: 'image/png',
          sizes: `${icon.size}x${icon.size}`,
          purpose: icon.purpose,
        })),
      ],
    },
    null,
    2,
  )}\n`;
}

/** How long a security.txt stays valid after a build; RFC 9116 advises less than a year. */
export const SECURITY_TXT_VALIDITY_YEARS = 1;

/**
 * @param contact where to report a flaw, `mailto:` or `https:`
 * @param canonical the file's own absolute URL
 * @param built when the site is built; the file expires a year later
 * @returns the text of `/.well-known/security.txt`
 */
export function getSecurityTxt(contact: string, canonical: string, built: Date): string {
  const expires = addYears(built, SECURITY_TXT_VALIDITY_YEARS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `Contact: ${contact}\nExpires: ${expires}\nCanonical: ${canonical}\nPreferred-Languages: en\n`;
}
