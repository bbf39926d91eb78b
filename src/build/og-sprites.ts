/**
 * Composes a card straight as palette indices, from pieces Skia drew once: reading a
 * whole card's pixels back from Skia costs more than everything else about it (10 ms of
 * 24), while a glyph, a pill or a map is read back once a thread and then copied. What is
 * copied is what Skia drew, so a card looks as Skia would draw it, glyphs placed at
 * whole pixels.
 *
 * Plain Node runs this file in the image workers: its relative imports name their `.ts`.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { rgb, type Hex, type PaletteMapper } from './indexed-png.ts';

/** A glyph's coverage (0–255), its box placed from the pen at the baseline. */
interface Glyph {
  left: number;
  top: number;
  width: number;
  height: number;
  coverage: Uint8Array;
}

/** A patch of palette indices, drawn once and copied as a block. */
export interface Sprite {
  width: number;
  height: number;
  indices: Uint8Array;
}

// Characters drawn one by one look as they do in a shaped line only when shaping changes
// nothing but spacing (kerning, which is measured): not for joining or reordering
// scripts, combining marks, emoji, or invisible format characters.
const SIMPLE = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u024f\u0370-\u0377\u037a-\u037f\u0384-\u038a\u038c\u038e-\u03a1\u03a3-\u03ff\u0400-\u045f\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2116\u2122]*$/u;

/** @returns whether `text` can be drawn glyph by glyph */
export function isSimpleText(text: string): boolean {
  return SIMPLE.test(text);
}

// What each thread keeps of pills and maps: 170 maps of the largest size.
const SPRITE_BYTES = 32 * 1024 * 1024;

/**
 * Caches that are cleared when full: what they hold never depends on what was drawn
 * before. Full is a count of entries, or of whatever `weigh` measures them in.
 */
class Cache<V> {
  readonly #map = new Map<string, V>();
  readonly #limit: number;
  readonly #weigh: (value: V) => number;
  #weight = 0;

  constructor(limit: number, weigh: (value: V) => number = () => 1) {
    this.#limit = limit;
    this.#weigh = weigh;
  }

  get(key: string, make: () => V): V {
    let value = this.#map.get(key);
    if (value === undefined) {
      value = make();
      const weight = this.#weigh(value);
      if (this.#weight + weight > this.#limit) {
        this.#map.clear();
        this.#weight = 0;
      }
      this.#map.set(key, value);
      this.#weight += weight;
    }
    return value;
  }
}

/** A font with its colours: one set of glyph sprites each. */
export interface TextStyle {
  /** The CSS font, as Skia is given it. */
  font: string;
  colour: Hex;
  background: Hex;
  /** Added after each character, in pixels. */
  spacing: number;
}

/**
 * One card's palette indices, and the sprites it is composed from, kept for the next.
 */
export class CardComposer {
  readonly width: number;
  readonly height: number;
  readonly indices: Uint8Array;
  readonly #coverage: Uint8Array;
  readonly #mapper: PaletteMapper;
  readonly #measure: SKRSContext2D;
  // Kept by font (and colours), then by character: a card asks for hundreds.
  readonly #glyphs = new Map<string, Cache<Glyph>>();
  readonly #advances = new Map<string, Cache<number>>();
  readonly #ramps = new Map<string, Uint8Array>();
  readonly #glyphCanvases = new Map<number, SKRSContext2D>();
  // Held by bytes, not by count: a card's map comes in a few sizes for each set of
  // places (the title's lines decide its height), and 64 sprites held too few of the
  // bench's maps and pills, so most maps were drawn again. Held by bytes: 2.4 ms a card
  // instead of 3.7 (its first 4,000 cards, one thread), the same files.
  readonly #sprites = new Cache<Sprite>(SPRITE_BYTES, (sprite) => sprite.indices.length);
  #scratch: SKRSContext2D | undefined;

  constructor(width: number, height: number, mapper: PaletteMapper) {
    this.width = width;
    this.height = height;
    this.indices = new Uint8Array(width * height);
    this.#coverage = new Uint8Array(width * height);
    this.#mapper = mapper;
    this.#measure = createCanvas(8, 8).getContext('2d');
    this.#measure.lang = 'en';
  }

  /** @returns the palette index of an opaque colour, as the mapper would give it */
  indexOf(colour: readonly number[]): number {
    const [r = 0, g = 0, b = 0] = colour;
    return this.#mapper.map(Uint8Array.of(r, g, b, 255))[0] ?? 0;
  }

  /** Starts a card: clears what the last one left. */
  begin(): void {
    this.#coverage.fill(0);
  }

  fillRect(x: number, y: number, width: number, height: number, colour: Hex): void {
    const index = this.indexOf(rgb(colour));
    const [x0, x1] = [Math.max(0, x), Math.min(this.width, x + width)];
    for (let row = Math.max(0, y); row < Math.min(this.height, y + height); row++) this.indices.fill(index, row * this.width + x0, row * this.width + x1);
  }

  /** Copies `sprite` with its top left corner at (x, y). */
  blit(sprite: Sprite, x: number, y: number): void {
    for (let row = 0; row < sprite.height; row++) {
      const cardRow = y + row;
      if (cardRow < 0 || cardRow >= this.height) continue;
      const from = Math.max(0, -x);
      const to = Math.min(sprite.width, this.width - x);
      if (to <= from) continue;
      this.indices.set(sprite.indices.subarray(row * sprite.width + from, row * sprite.width + to), cardRow * this.width + x + from);
    }
  }

  /**
   * @param key names what `draw` draws, with its size
   * @param draw paints the sprite on a canvas at its top left corner, on an opaque background
   * @returns the sprite, drawn by Skia the first time it is asked for
   */
  sprite(key: string, width: number, height: number, draw: (ctx: SKRSContext2D) => void): Sprite {
    return this.#sprites.get(`${width}×${height} ${key}`, () => {
      if (!this.#scratch || this.#scratch.canvas.width < width || this.#scratch.canvas.height < height) {
        this.#scratch = createCanvas(Math.max(width, this.#scratch?.canvas.width ?? 0), Math.max(height, this.#scratch?.canvas.height ?? 0)).getContext('2d');
        this.#scratch.lang = 'en';
      }
      const ctx = this.#scratch;
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, 0, width, height);
      ctx.clip();
      draw(ctx);
      ctx.restore();
      return { width, height, indices: this.#mapper.map(ctx.getImageData(0, 0, width, height).data) };
    });
  }

  /** @returns the advance of `text` in `font`, as Skia lays it out */
  #advance(font: string, text: string): number {
    let advances = this.#advances.get(font);
    if (!advances) this.#advances.set(font, (advances = new Cache(200_000)));
    return advances.get(text, () => {
      this.#measure.font = font;
      return this.#measure.measureText(text).width;
    });
  }

  /** @returns how far the pen moves past `char`: its advance, the spacing, and Skia's kerning with the next character */
  #step(font: string, char: string, next: string | undefined, spacing: number): number {
    const advance = this.#advance(font, char);
    return advance + spacing + (next === undefined ? 0 : this.#advance(font, char + next) - advance - this.#advance(font, next));
  }

  /**
   * @param font the CSS font, as Skia is given it
   * @param spacing added after each character, in pixels
   * @returns the width of `text` as fillText lays it out
   */
  measure(text: string, font: string, spacing = 0): number {
    const chars = [...text];
    let width = 0;
    chars.forEach((char, i) => (width += this.#step(font, char, chars[i + 1], spacing)));
    return width;
  }

  /** @returns the glyphs drawn in `style`, by character */
  #glyphsOf(style: TextStyle): Cache<Glyph> {
    const key = `${style.font}\u0000${style.colour}${style.background}`;
    let glyphs = this.#glyphs.get(key);
    if (!glyphs) this.#glyphs.set(key, (glyphs = new Cache(20_000)));
    return glyphs;
  }

  /** @returns `char` as Skia draws it in `style`, read back as coverage */
  #drawGlyph(style: TextStyle, char: string, size: number): Glyph {
    // Room for a glyph of any of the fonts' characters, however far it reaches from its pen.
    const [width, height, originX, baseline] = [Math.ceil(size * 2.5), Math.ceil(size * 2.2), Math.ceil(size / 2), Math.ceil(size * 1.5)];
    let ctx = this.#glyphCanvases.get(size);
    if (!ctx) {
      ctx = createCanvas(width, height).getContext('2d');
      ctx.lang = 'en';
      this.#glyphCanvases.set(size, ctx);
    }
    ctx.font = style.font;
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = style.background;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = style.colour;
    ctx.fillText(char, originX, baseline);
    const pixels = ctx.canvas.data();
    // Coverage from the channel in which the two colours differ most.
    const [fg, bg] = [rgb(style.colour), rgb(style.background)];
    const channel = [0, 1, 2].reduce((best, c) => (Math.abs((bg[c] ?? 0) - (fg[c] ?? 0)) > Math.abs((bg[best] ?? 0) - (fg[best] ?? 0)) ? c : best), 0);
    const [from, span] = [bg[channel] ?? 0, (bg[channel] ?? 0) - (fg[channel] ?? 0)];
    const full = new Uint8Array(width * height);
    let [minX, minY, maxX, maxY] = [width, height, -1, -1];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const value = Math.round(((from - (pixels[(y * width + x) * 4 + channel] ?? 0)) * 255) / span);
        if (value <= 0) continue;
        full[y * width + x] = Math.min(255, value);
        [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
      }
    }
    if (maxX < 0) return { left: 0, top: 0, width: 0, height: 0, coverage: new Uint8Array() };
    const [w, h] = [maxX - minX + 1, maxY - minY + 1];
    const coverage = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) coverage.set(full.subarray((minY + y) * width + minX, (minY + y) * width + minX + w), y * w);
    return { left: minX - originX, top: minY - baseline, width: w, height: h, coverage };
  }

  /** @returns the palette index for each coverage of `style`'s colour on its background */
  #ramp(style: TextStyle): Uint8Array {
    const key = `${style.colour}${style.background}`;
    let ramp = this.#ramps.get(key);
    if (!ramp) {
      const [fg, bg] = [rgb(style.colour), rgb(style.background)];
      ramp = Uint8Array.from({ length: 256 }, (_, c) => this.indexOf(bg.map((b, i) => Math.round(b + (((fg[i] ?? 0) - b) * c) / 255))));
      this.#ramps.set(key, ramp);
    }
    return ramp;
  }

  /**
   * Draws `text` from the pen at (x, baseline) on the style's background, each glyph at
   * the whole pixel nearest where Skia's own layout (advances and kerning) puts it.
   */
  fillText(text: string, x: number, baseline: number, size: number, style: TextStyle): void {
    const ramp = this.#ramp(style);
    const glyphs = this.#glyphsOf(style);
    const chars = [...text];
    const y = Math.round(baseline);
    let pen = x;
    chars.forEach((char, i) => {
      const glyph = glyphs.get(char, () => this.#drawGlyph(style, char, size));
      this.#placeGlyph(glyph, Math.round(pen), y, ramp);
      pen += this.#step(style.font, char, chars[i + 1], style.spacing);
    });
  }

  /** Lays `glyph`'s coverage onto the card with its pen at (x, y), in the colours of `ramp`. */
  #placeGlyph(glyph: Glyph, x: number, y: number, ramp: Uint8Array): void {
    const { width, height } = this;
    const [cover, indices, coverage] = [this.#coverage, this.indices, glyph.coverage];
    const [left, top] = [x + glyph.left, y + glyph.top];
    // The part of the glyph that falls on the card.
    const [fromCol, toCol] = [Math.max(0, -left), Math.min(glyph.width, width - left)];
    const [fromRow, toRow] = [Math.max(0, -top), Math.min(glyph.height, height - top)];
    for (let row = fromRow; row < toRow; row++) {
      let p = (top + row) * width + left + fromCol;
      const end = row * glyph.width + toCol;
      for (let q = row * glyph.width + fromCol; q < end; q++, p++) {
        const value = coverage[q] as number;
        if (value === 0) continue;
        const before = cover[p] as number;
        // Where two glyphs overlap, as Skia blends one over the other.
        const after = before === 0 ? value : before + value - Math.round((before * value) / 255);
        cover[p] = after;
        indices[p] = ramp[after] as number;
      }
    }
  }
}
