/**
 * A PNG of at most 256 fixed colours, from RGBA pixels. A preview card is a handful of
 * flat colours and the anti-aliased edges between them, so a palette chosen once (not
 * per image, as a quantiser does) keeps its look at a third of the bytes of full
 * colour, and costs a table look-up per pixel instead of a quantiser's search.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

/** A colour as `#rrggbb`. */
export type Hex = `#${string}`;

/** @returns `hex` as red, green and blue, 0–255 */
export const rgb = (hex: Hex): [number, number, number] => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * @param colours the flat colours drawn
 * @param edges pairs of those that meet, with anti-aliased pixels between them
 * @param steps shades between the two colours of an edge
 * @returns the palette as RGB triples, the flat colours first, without repeats
 */
export function createPalette(colours: readonly Hex[], edges: readonly (readonly [Hex, Hex])[], steps = 14): number[][] {
  const seen = new Set<string>();
  const palette: number[][] = [];
  const add = (colour: number[]) => {
    const key = colour.join();
    if (seen.has(key) || palette.length === 256) return;
    seen.add(key);
    palette.push(colour);
  };
  for (const colour of colours) add(rgb(colour));
  for (const [from, to] of edges) {
    const [a, b] = [rgb(from), rgb(to)];
    for (let step = 1; step <= steps; step++) add(a.map((c, i) => Math.round(c + (((b[i] ?? 0) - c) * step) / (steps + 1))));
  }
  return palette;
}

/**
 * Maps pixels to palette entries through a table of 6 bits a channel: a palette colour to
 * itself (the flat colours first, where two share a cell), any other to the palette's
 * nearest to its cell's centre, looked up once. So a card costs a look-up per pixel, and
 * the answer for a pixel depends on its colour alone, never on what was drawn before:
 * the same card always gives the same bytes.
 */
export class PaletteMapper {
  readonly palette: readonly number[][];
  readonly #table = new Int16Array(1 << 18).fill(-1);

  constructor(palette: readonly number[][]) {
    this.palette = palette;
    for (let index = palette.length - 1; index >= 0; index--) {
      const [r = 0, g = 0, b = 0] = palette[index] ?? [];
      this.#table[((r >> 2) << 12) | ((g >> 2) << 6) | (b >> 2)] = index;
    }
  }

  #nearest(r: number, g: number, b: number): number {
    let best = 0;
    let distance = Infinity;
    this.palette.forEach(([pr = 0, pg = 0, pb = 0], index) => {
      // Weighted as the eye weighs them, so text edges keep their weight.
      const d = 3 * (r - pr) ** 2 + 4 * (g - pg) ** 2 + 2 * (b - pb) ** 2;
      if (d < distance) [best, distance] = [index, d];
    });
    return best;
  }

  /**
   * @param rgba opaque pixels, 4 bytes each
   * @returns one palette index a pixel
   */
  map(rgba: Uint8Array | Uint8ClampedArray): Uint8Array {
    const out = new Uint8Array(rgba.length / 4);
    const table = this.#table;
    const words = new Uint32Array(rgba.buffer, rgba.byteOffset, out.length);
    // Most pixels repeat the one before (flat colours): those skip the look-up.
    let last = -1;
    let lastIndex = 0;
    for (let i = 0; i < out.length; i++) {
      // R, G, B, A as a little-endian word: the top 6 bits of each of R, G and B.
      const word = words[i] as number;
      if (word !== last) {
        last = word;
        const cell = ((word << 10) & 0x3f000) | ((word >>> 4) & 0xfc0) | ((word >>> 18) & 0x3f);
        lastIndex = table[cell] as number;
        if (lastIndex < 0) table[cell] = lastIndex = this.#nearest((cell >> 12) * 4 + 2, ((cell >> 6) & 0x3f) * 4 + 2, (cell & 0x3f) * 4 + 2);
      }
      out[i] = lastIndex;
    }
    return out;
  }
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

// The rows of the last image, kept for the next: a card's are 756 KB, which each card
// allocated, zeroed and left to the garbage collector.
let rows = Buffer.alloc(0);

/**
 * Compressed with zlib's run-length strategy: a card is runs of flat colour, and
 * looking only for runs (not for earlier rows' patterns) compresses 400 preview cards
 * in 0.9 ms each instead of 1.6 ms (level 3, the default strategy), for 32.0 KB
 * instead of 29.0 KB.
 *
 * @param indices one palette index a pixel, row by row
 * @param palette RGB triples
 * @returns the bytes of an 8-bit indexed PNG
 */
export function encodeIndexedPng(width: number, height: number, indices: Uint8Array, palette: readonly number[][]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // 8 bits a pixel, colour type 3 (indexed); compression, filter and interlace 0.
  header.set([8, 3, 0, 0, 0], 8);
  if (rows.length !== (width + 1) * height) rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter, none: filters only help photographs and gradients.
    rows[y * (width + 1)] = 0;
    rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Uint8Array.from(palette.flat())),
    chunk('IDAT', deflateSync(rows, { level: 1, strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array()),
  ]);
}
