/**
 * Reads a PNG as a viewer would: checks its signature and every chunk's checksum,
 * inflates its pixels and checks there are exactly as many rows as its header says.
 * Enough to tell a whole image from a broken or truncated one, and to read the colour
 * of a pixel of an 8-bit indexed one (what the preview images are).
 */
import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  /** 3 for indexed colour */
  colourType: number;
  /** `#rrggbb` of the pixel at x, y (indexed, unfiltered images only) */
  colourAt(x: number, y: number): string;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** @throws when `bytes` is not a whole PNG */
export function decodePng(bytes: Buffer): DecodedPng {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG: wrong signature');
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (at + 12 + length > bytes.length) throw new Error(`truncated ${type} chunk`);
    if (crc32(data, crc32(bytes.subarray(at + 4, at + 8))) !== bytes.readUInt32BE(at + 8 + length)) throw new Error(`bad checksum in ${type}`);
    chunks.set(type, [...(chunks.get(type) ?? []), data]);
    at += 12 + length;
  }
  const header = chunks.get('IHDR')?.[0];
  if (!header || !chunks.has('IEND')) throw new Error('no IHDR or IEND chunk');
  const [width, height] = [header.readUInt32BE(0), header.readUInt32BE(4)];
  const [depth = 0, colourType = 0] = [header[8], header[9]];
  const rowBytes = Math.ceil((width * depth * (CHANNELS[colourType] ?? 0)) / 8) + 1;
  const pixels = inflateSync(Buffer.concat(chunks.get('IDAT') ?? []));
  if (pixels.length !== rowBytes * height) throw new Error(`pixels for ${pixels.length / rowBytes} rows, not ${height}`);
  const palette = chunks.get('PLTE')?.[0] ?? Buffer.alloc(0);
  return {
    width,
    height,
    colourType,
    colourAt(x, y) {
      if (colourType !== 3 || depth !== 8 || pixels[y * rowBytes] !== 0) throw new Error('only unfiltered 8-bit indexed pixels are read');
      const index = pixels[y * rowBytes + 1 + x] ?? 0;
      return `#${palette.subarray(index * 3, index * 3 + 3).toString('hex')}`;
    },
  };
}
