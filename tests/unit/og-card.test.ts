import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { drawOgCard, wrapText } from '../../src/build/og-draw';
import { encodeIndexedPng } from '../../src/build/indexed-png';
import { decodePng } from '../support/png';

const card = { kicker: 'Military strike · Thursday 18 January 2024', title: 'Pakistan strikes militant hideouts in Iran', countries: ['Pakistan', 'Iran'], site: 'A timeline' };
const places = [{ name: 'Saravan', lat: 27.37, lon: 62.33 }];
// The map's sea, land and the land of the places it marks.
const MAP_COLOURS = new Set(['#e4edf2', '#f4f1ea', '#e8d9c9']);

/** @returns how many pixels of the card's middle band show the map */
function mapPixels(png: Buffer): number {
  const image = decodePng(png);
  let count = 0;
  for (let y = 300; y < 500; y += 4) for (let x = 600; x < 1136; x += 4) if (MAP_COLOURS.has(image.colourAt(x, y))) count++;
  return count;
}

// Drawing is quick, but the first map loads the world's outlines.
describe('a preview card', { timeout: 30_000 }, () => {
  it('is a 1200×630 indexed PNG under its accent border, the same bytes each time it is drawn', () => {
    const png = drawOgCard(card);
    const image = decodePng(png);
    expect([image.width, image.height, image.colourType]).toEqual([1200, 630, 3]);
    expect(image.colourAt(600, 8)).toBe('#8a1c1c');
    expect(image.colourAt(600, 600)).toBe('#fdfcfa');
    expect(drawOgCard(card).equals(png)).toBe(true);
  });

  it('is the same bytes whatever cards were drawn before it in the same thread', () => {
    const png = drawOgCard({ ...card, places });
    for (let i = 0; i < 20; i++) drawOgCard({ ...card, title: `Another title, number ${i}, with other glyphs: ${'AVWQ&?'.slice(i % 6)}`, countries: [`Land ${i}`], places: i % 2 ? places : [] });
    expect(drawOgCard({ ...card, places }).equals(png)).toBe(true);
  });

  it('sets a Latin title where Skia sets it, within two pixels, though it is composed glyph by glyph', () => {
    // An emoji in the site's name makes Skia draw the whole card; without it, the card is composed.
    const title = 'Wave of Tehran’s “VAT” protests: AVAWAY, officials, fjords & 1,234 flights';
    /** @returns the first and last column of ink on each row of the title */
    const ink = (png: Buffer): [number, number][] => {
      const image = decodePng(png);
      return Array.from({ length: 220 }, (_, i) => {
        const xs = Array.from({ length: 1136 }, (_, x) => x).filter((x) => image.colourAt(x, 150 + i) !== '#fdfcfa');
        return [xs[0] ?? -1, xs.at(-1) ?? -1];
      });
    };
    const [a, b] = [ink(drawOgCard({ ...card, title })), ink(drawOgCard({ ...card, title, site: 'A timeline 😀' }))];
    expect(b.filter(([left]) => left >= 0).length).toBeGreaterThan(100);
    a.forEach(([left, right], row) => {
      const [skiaLeft = 0, skiaRight = 0] = b[row] ?? [];
      expect(Math.abs(left - skiaLeft), `row ${150 + row}`).toBeLessThanOrEqual(2);
      expect(Math.abs(right - skiaRight), `row ${150 + row}`).toBeLessThanOrEqual(2);
    });
  });

  it('shows the locator map in its middle only for an event with a located place', () => {
    expect(mapPixels(drawOgCard({ ...card, places }))).toBeGreaterThan(1000);
    expect(mapPixels(drawOgCard(card))).toBe(0);
  });

  it('gives up the map to a title that needs the room', () => {
    const long = 'Foreign ministers meet and agree to return ambassadors and hold regular consultations on border security after the strikes';
    expect(mapPixels(drawOgCard({ ...card, title: long, byline: 'A spokesperson of the ministry, at a weekly press briefing', places }))).toBe(0);
  });

  it('survives any text: other scripts, emoji, no title, and a word longer than the card', () => {
    for (const title of ['Привет Ελληνικά Tiếng Việt नमस्ते العربية 中文 😀', '', 'x'.repeat(400), `${'Supercalifragilistic'.repeat(20)} end`]) {
      expect(decodePng(drawOgCard({ ...card, title, byline: title, kicker: title, countries: [title], site: title })).width).toBe(1200);
    }
  });
});

describe('wrapping a title', () => {
  const ctx = createCanvas(10, 10).getContext('2d');
  ctx.font = '700 62px sans-serif';
  const width = (text: string) => ctx.measureText(text).width;

  it('breaks at spaces into lines that fit, losing no word', () => {
    const text = 'Pakistan strikes militant hideouts in Iran’s Sistan-Baluchestan province';
    const lines = wrapText(width, text, 600, 8);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(600);
    expect(lines.join(' ')).toBe(text);
  });

  it('breaks a word wider than the card inside it, and ends with an ellipsis when lines run out', () => {
    const lines = wrapText(width, 'w'.repeat(200), 600, 3);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(600);
    expect(lines.at(-1)).toMatch(/…$/);
  });
});

describe('an indexed PNG', () => {
  const palette = [
    [255, 255, 255],
    [200, 0, 0],
    [0, 0, 200],
  ];

  it('shows its own pixels, each row unfiltered, after an image of another shape whose rows take as many bytes', () => {
    // 3×2 and 1×4 both take 8 bytes with each row's filter byte; the first is all the second colour.
    encodeIndexedPng(3, 2, new Uint8Array(6).fill(1), palette);
    const image = decodePng(encodeIndexedPng(1, 4, Uint8Array.of(0, 2, 0, 2), palette));
    expect([0, 1, 2, 3].map((y) => image.colourAt(0, y))).toEqual(['#ffffff', '#0000c8', '#ffffff', '#0000c8']);
  });
});
