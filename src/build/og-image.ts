/**
 * Link-preview images (1200×630 PNG) drawn at build time from text alone: no network,
 * fonts from the bundled @fontsource/noto-sans. Drawing costs tens of milliseconds, so
 * each image is cached on disk under a hash of exactly what it shows and drawn again
 * only when that changes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp from 'sharp';
import { OG_HEIGHT, OG_WIDTH, type OgCard } from '../lib/previews';
import { getCacheDir } from './cache';
import { drawLocatorMap } from './maps';

/** The event page's map size: the card reuses that drawing (drawLocatorMap keeps it), scaled. */
export const CARD_MAP = { width: 640, height: 300 } as const;

// Bump when the drawing changes, so cached images are drawn again.
const TEMPLATE_VERSION = 6;
const CACHE_DIR = join(getCacheDir(), 'og');
const FONT_DIR = join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files');

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;

function loadFonts() {
  return (fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Noto Sans',
      data: await readFile(join(FONT_DIR, `noto-sans-latin-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  ));
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

type Node = { type: string; props: { style: Record<string, string | number>; children: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, string | number>, children: Node['props']['children']): Node => ({
  type,
  props: { style, children },
});

/**
 * @returns the locator map as a standalone SVG in the site's light colours, without
 *   text (the card names the countries below it), or nothing for an event with no place
 */
export function getCardMapSvg(card: OgCard): string | undefined {
  if (!card.places || card.places.length === 0) return undefined;
  const map = drawLocatorMap(card.places, CARD_MAP);
  const lands = map.countries.map((c) => `<path d="${c.d}" fill="${c.marked ? '#e8d9c9' : '#f4f1ea'}" stroke="#a39a8c" stroke-width="0.6"/>`).join('');
  const points = map.points.map((p) => `<circle cx="${p.x}" cy="${p.y}" r="16" fill="#8a1c1c" stroke="#fdfcfa" stroke-width="5"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}"><rect width="${map.width}" height="${map.height}" fill="#e4edf2"/>${lands}${points}</svg>`;
}

/** @returns the height left for the map in the card's middle, estimated from the title's length */
function middleHeight(title: string, fontSize: number, byline: boolean): number {
  const perLine = Math.floor((OG_WIDTH - 128) / (fontSize * 0.55));
  const lines = Math.ceil(title.length / perLine);
  return OG_HEIGHT - 16 - 112 - 42 - 28 - lines * fontSize * 1.15 - (byline ? 66 : 0) - 48 - 16;
}

function layout(card: OgCard): Node {
  const title = truncate(card.title, 150);
  const fontSize = title.length > 90 ? 50 : 62;
  const svg = getCardMapSvg(card);
  const room = Math.floor(middleHeight(title, fontSize, Boolean(card.byline)));
  const mapHeight = Math.min(room, 300);
  const middle: Node[] =
    svg && mapHeight >= 110
      ? [{ type: 'img', props: { src: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, width: Math.round((mapHeight * CARD_MAP.width) / CARD_MAP.height), height: mapHeight, style: { border: '2px solid #d8d4cc' } } as unknown as Node['props'] }]
      : [];
  return el('div', { width: '100%', height: '100%', boxSizing: 'border-box', display: 'flex', flexDirection: 'column', background: '#fdfcfa', color: '#1a1a1a', fontFamily: 'Noto Sans', padding: '56px 64px', borderTop: '16px solid #8a1c1c' }, [
    el('div', { fontSize: 30, fontWeight: 700, color: '#8a1c1c', textTransform: 'uppercase', letterSpacing: 1 }, card.kicker),
    el('div', { fontSize, fontWeight: 700, lineHeight: 1.15, marginTop: 28 }, title),
    ...(card.byline ? [el('div', { fontSize: 30, marginTop: 24, color: '#444' }, truncate(card.byline, 90))] : []),
    el('div', { flexGrow: 1, display: 'flex', alignItems: 'center', justifyContent: 'flex-end', margin: '8px 0' }, middle),
    el('div', { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', fontSize: 28 }, [
      el('div', { display: 'flex', gap: 12 }, card.countries.slice(0, 5).map((name) =>
        el('div', { border: '2px solid #1a1a1a', borderRadius: 999, padding: '4px 18px' }, name),
      )),
      el('div', { color: '#555', fontSize: 24, maxWidth: 460, textAlign: 'right' }, card.site),
    ]),
  ]);
}

/**
 * @param card what the image shows
 * @returns the path of its PNG in the cache, drawn first if this card was never drawn.
 *   A cached file is never rewritten, so the build may link to it rather than copy it.
 */
export async function getOgImageFile(card: OgCard): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify({ TEMPLATE_VERSION, card })).digest('hex').slice(0, 32);
  const cached = join(CACHE_DIR, `${key}.png`);
  if (existsSync(cached)) return cached;
  const svg = await satori(layout(card) as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: await loadFonts() });
  const rgba = new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
  // A card of flat colours and text needs no more than a palette: a third of the bytes.
  const png = await sharp(rgba).png({ palette: true, colours: 64, compressionLevel: 9, effort: 4 }).toBuffer();
  await mkdir(CACHE_DIR, { recursive: true });
  // Written aside and renamed, so a build running at the same time never links a half-written file.
  // Named per call, not per process: two events of one build may show the same card and be drawn at once.
  const partial = `${cached}.${process.pid}.${randomUUID()}.partial`;
  await writeFile(partial, png);
  await rename(partial, cached);
  return cached;
}

/**
 * @param card what the image shows
 * @returns the PNG, from the cache when the same card was drawn before
 */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  return readFile(await getOgImageFile(card));
}
