/**
 * Draws a link-preview card (1200×630): text from the bundled Noto Sans, wrapped by
 * measuring it with Skia (@napi-rs/canvas), and the event page's locator map from its SVG
 * path strings. The card is laid out once, then composed as palette indices from glyphs,
 * pills and maps Skia drew once a thread (og-sprites); only text that needs shaping
 * (other scripts, marks, emoji) has Skia draw the whole card and read it back. Either way
 * it is written as a PNG of one fixed palette, so the same card always gives the same bytes.
 *
 * Plain Node runs this file in the image workers: its relative imports name their `.ts`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { OgCard } from '../lib/previews';
import { OG_HEIGHT, OG_WIDTH } from '../lib/og-size.ts';
import { createPalette, encodeIndexedPng, PaletteMapper, type Hex } from './indexed-png.ts';
import { drawLocatorMap, MAP_COLOURS, MAP_SIZE } from './maps.ts';
import { CardComposer, isSimpleText } from './og-sprites.ts';

const COLOUR = {
  paper: '#fdfcfa',
  ink: '#1a1a1a',
  accent: '#8a1c1c',
  byline: '#444444',
  site: '#555555',
  ...MAP_COLOURS.light,
  frame: '#d8d4cc',
} as const satisfies Record<string, Hex>;

const PALETTE = createPalette(Object.values(COLOUR), [
  // text on paper
  [COLOUR.paper, COLOUR.ink],
  [COLOUR.paper, COLOUR.accent],
  [COLOUR.paper, COLOUR.byline],
  [COLOUR.paper, COLOUR.site],
  // the map: borders on land and sea, coast, dots on all three
  [COLOUR.sea, COLOUR.border],
  [COLOUR.land, COLOUR.border],
  [COLOUR.marked, COLOUR.border],
  [COLOUR.sea, COLOUR.land],
  [COLOUR.sea, COLOUR.marked],
  [COLOUR.land, COLOUR.marked],
  [COLOUR.paper, COLOUR.sea],
  [COLOUR.paper, COLOUR.land],
  [COLOUR.paper, COLOUR.marked],
  [COLOUR.paper, COLOUR.frame],
  [COLOUR.frame, COLOUR.sea],
  // Eight shades an edge: more made the files a tenth bigger for no visible gain.
], 8);

// Noto Sans comes split by script; each part is a family of its own, and Skia takes a
// glyph from the first family in the list that has it (a box when none has).
const SCRIPTS = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese', 'devanagari'];
const FAMILIES = SCRIPTS.map((script) => `"Card ${script}"`).join(', ');
let fontsLoaded = false;
let context: SKRSContext2D | undefined;
let mapper: PaletteMapper | undefined;
let composer: CardComposer | undefined;

function loadFonts(): void {
  if (fontsLoaded) return;
  const dir = join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files');
  for (const script of SCRIPTS) {
    for (const weight of [400, 700]) GlobalFonts.register(readFileSync(join(dir, `noto-sans-${script}-${weight}-normal.woff2`)), `Card ${script}`);
  }
  fontsLoaded = true;
}

// Noto Sans's ascent and descent, in ems: a line of `normal` height is their sum.
const ASCENT = 1.069;
const NORMAL_LINE = 1.362;
const PAD = { x: 64, top: 16 + 56, bottom: 56 };
const CONTENT_WIDTH = OG_WIDTH - 2 * PAD.x;

/** @returns the CSS font of a size and weight, as Skia is given it */
const cssFont = (size: number, weight: 400 | 700) => `${weight} ${size}px ${FAMILIES}`;

function font(ctx: SKRSContext2D, size: number, weight: 400 | 700): void {
  ctx.font = cssFont(size, weight);
}

/** @returns how wide a line of text is, in pixels, in the font it is measured for */
type Measure = (text: string) => number;

/** @returns the longest start of `text` that fits `width` with an ellipsis, cut at a space where it can be */
function fitWithEllipsis(measure: Measure, text: string, width: number): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  let [low, high] = [0, chars.length];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('')}…`) <= width) low = mid;
    else high = mid - 1;
  }
  const cut = chars.slice(0, low).join('');
  const atSpace = cut.replace(/\s+\S*$/, '');
  return `${(atSpace.length > cut.length / 2 ? atSpace : cut).trimEnd()}…`;
}

/**
 * @returns `text` broken into lines no wider than `width`, at spaces, and inside a word
 *   only when the word alone is wider; the last line that fits ends in an ellipsis when
 *   text is left over
 */
export function wrapText(measure: Measure, text: string, width: number, maxLines: number): string[] {
  const fits = (line: string) => measure(line) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (lines.length > maxLines) break;
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the card is broken after the last character that fits.
    let rest = [...word];
    while (!fits(rest.join('')) && lines.length <= maxLines) {
      let end = rest.length - 1;
      while (end > 1 && !fits(rest.slice(0, end).join(''))) end--;
      lines.push(rest.slice(0, end).join(''));
      rest = rest.slice(end);
    }
    line = rest.join('');
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const shown = lines.slice(0, maxLines);
  shown[maxLines - 1] = fitWithEllipsis(measure, `${shown[maxLines - 1] ?? ''} ${lines[maxLines] ?? ''}`, width);
  return shown;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** A box on the card, in pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One thing a card shows, placed: the layout, drawn by Skia or composed from sprites. */
type Part =
  | { kind: 'rect'; box: Box; colour: Hex }
  | { kind: 'text'; text: string; x: number; baseline: number; size: number; weight: 400 | 700; colour: Hex; spacing: number }
  | { kind: 'pill'; name: string; x: number; top: number; width: number; height: number }
  | { kind: 'map'; places: NonNullable<OgCard['places']>; box: Box };

/** Draws the map into `box`, its frame around it. */
function drawMap(ctx: SKRSContext2D, places: NonNullable<OgCard['places']>, box: Box): void {
  // The event page's map: the card reuses that drawing (drawLocatorMap keeps it), scaled.
  const map = drawLocatorMap(places, MAP_SIZE.event);
  ctx.save();
  ctx.fillStyle = COLOUR.frame;
  ctx.fillRect(box.x - 2, box.y - 2, box.width + 4, box.height + 4);
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.width, box.height);
  ctx.clip();
  ctx.translate(box.x, box.y);
  ctx.scale(box.width / map.width, box.height / map.height);
  ctx.fillStyle = COLOUR.sea;
  ctx.fillRect(0, 0, map.width, map.height);
  ctx.strokeStyle = COLOUR.border;
  ctx.lineWidth = 0.6;
  for (const country of map.countries) {
    const path = new Path2D(country.d);
    ctx.fillStyle = country.marked ? COLOUR.marked : COLOUR.land;
    ctx.fill(path);
    ctx.stroke(path);
  }
  for (const point of map.points) {
    ctx.beginPath();
    ctx.arc(point.x, point.y, 16, 0, 2 * Math.PI);
    ctx.fillStyle = COLOUR.accent;
    ctx.fill();
    ctx.strokeStyle = COLOUR.paper;
    ctx.lineWidth = 5;
    ctx.stroke();
  }
  ctx.restore();
}

const PILL_FONT = { size: 28, weight: 400 } as const;

/** Draws a country's pill, its box's top left corner at (x, top). */
function drawPill(ctx: SKRSContext2D, { name, x, top, width, height }: Extract<Part, { kind: 'pill' }>): void {
  ctx.beginPath();
  ctx.roundRect(x + 1, top + 1, width - 2, height - 2, height / 2);
  ctx.strokeStyle = COLOUR.ink;
  ctx.lineWidth = 2;
  ctx.stroke();
  font(ctx, PILL_FONT.size, PILL_FONT.weight);
  ctx.fillStyle = COLOUR.ink;
  ctx.letterSpacing = '0px';
  ctx.fillText(name, x + 20, top + 6 + PILL_FONT.size * ASCENT);
}

/** @returns the countries as pills from the left, as many as fit before `right` */
function layOutPills(measure: Measure, names: readonly string[], bottom: number, right: number): Part[] {
  const height = PILL_FONT.size * NORMAL_LINE + 8 + 4;
  const pills: Part[] = [];
  let x = PAD.x;
  for (const name of names.slice(0, 5)) {
    const width = measure(name) + 36 + 4;
    if (x + width > right) break;
    pills.push({ kind: 'pill', name, x, top: bottom - height, width, height });
    x += width + 12;
  }
  return pills;
}

/**
 * @param measuring a measure of text in a font (size, weight, letter spacing), as the
 *   card will be drawn
 * @returns what `card` shows and where
 */
function layOutCard(card: OgCard, measuring: (size: number, weight: 400 | 700, spacing?: number) => Measure): Part[] {
  const parts: Part[] = [
    { kind: 'rect', box: { x: 0, y: 0, width: OG_WIDTH, height: OG_HEIGHT }, colour: COLOUR.paper },
    { kind: 'rect', box: { x: 0, y: 0, width: OG_WIDTH, height: 16 }, colour: COLOUR.accent },
  ];
  const text = (line: string, x: number, baseline: number, size: number, weight: 400 | 700, colour: Hex, spacing = 0) =>
    parts.push({ kind: 'text', text: line, x, baseline, size, weight, colour, spacing });

  let y = PAD.top;
  text(fitWithEllipsis(measuring(30, 700, 1), card.kicker.toUpperCase(), CONTENT_WIDTH), PAD.x, y + 30 * ASCENT, 30, 700, COLOUR.accent, 1);
  y += 30 * NORMAL_LINE + 28;

  const title = truncate(card.title, 150);
  const size = title.length > 90 ? 50 : 62;
  const lineHeight = size * 1.15;
  for (const line of wrapText(measuring(size, 700), title, CONTENT_WIDTH, 4)) {
    // The line's box is 1.15 em; the glyphs' own height is centred in it.
    text(line, PAD.x, y + ((lineHeight - size * NORMAL_LINE) / 2 + size * ASCENT), size, 700, COLOUR.ink);
    y += lineHeight;
  }

  if (card.byline) {
    y += 24;
    for (const line of wrapText(measuring(30, 400), truncate(card.byline, 90), CONTENT_WIDTH, 2)) {
      text(line, PAD.x, y + 30 * ASCENT, 30, 400, COLOUR.byline);
      y += 30 * NORMAL_LINE;
    }
  }

  const bottom = OG_HEIGHT - PAD.bottom;
  // The site's name, right-aligned on at most two lines that end at the bottom.
  const siteMeasure = measuring(24, 400);
  const site = wrapText(siteMeasure, card.site, 460, 2);
  const siteWidth = Math.max(0, ...site.map(siteMeasure));
  site.forEach((line, i) => {
    const baseline = bottom - 24 * (NORMAL_LINE - ASCENT) - (site.length - 1 - i) * 24 * NORMAL_LINE;
    text(line, OG_WIDTH - PAD.x - siteMeasure(line), baseline, 24, 400, COLOUR.site);
  });
  parts.push(...layOutPills(measuring(PILL_FONT.size, PILL_FONT.weight), card.countries, bottom, OG_WIDTH - PAD.x - siteWidth - 24));

  // The map fills the room left between the text and the pills, right-aligned, when it is not too small.
  const footer = Math.max(28 * NORMAL_LINE + 12, site.length * 24 * NORMAL_LINE);
  const [top, end] = [y + 8, bottom - footer - 8];
  const height = Math.min(Math.floor(end - top) - 4, MAP_SIZE.event.height);
  if (card.places && card.places.length > 0 && height >= 110) {
    const width = Math.round((height * MAP_SIZE.event.width) / MAP_SIZE.event.height);
    parts.push({ kind: 'map', places: card.places, box: { x: OG_WIDTH - PAD.x - width - 2, y: Math.round(top + (end - top - height) / 2), width, height } });
  }
  return parts;
}

/** Paints `parts` with Skia: any text, at the cost of reading the whole card back. */
function paintWithSkia(ctx: SKRSContext2D, parts: readonly Part[]): Uint8Array {
  ctx.textBaseline = 'alphabetic';
  for (const part of parts) {
    if (part.kind === 'rect') {
      ctx.fillStyle = part.colour;
      ctx.fillRect(part.box.x, part.box.y, part.box.width, part.box.height);
    } else if (part.kind === 'text') {
      font(ctx, part.size, part.weight);
      ctx.letterSpacing = `${part.spacing}px`;
      ctx.fillStyle = part.colour;
      ctx.fillText(part.text, part.x, part.baseline);
      ctx.letterSpacing = '0px';
    } else if (part.kind === 'pill') drawPill(ctx, part);
    else drawMap(ctx, part.places, part.box);
  }
  // The canvas's own RGBA bytes (opaque, so premultiplying changed nothing), not a copy
  // of them: getImageData costs as much as drawing the card.
  return (mapper ??= new PaletteMapper(PALETTE)).map(ctx.canvas.data());
}

function getComposer(): CardComposer {
  return (composer ??= new CardComposer(OG_WIDTH, OG_HEIGHT, (mapper ??= new PaletteMapper(PALETTE))));
}

/** @returns whether `part` can be composed from sprites: its text, if any, drawn glyph by glyph looks as Skia draws the line */
const isComposable = (part: Part) => (part.kind === 'text' ? isSimpleText(part.text) : part.kind !== 'pill' || isSimpleText(part.name));

/** Composes `parts` from sprites: only parts that are composable. */
function compose(parts: readonly Part[]): Uint8Array {
  const card = getComposer();
  card.begin();
  for (const part of parts) {
    if (part.kind === 'rect') card.fillRect(part.box.x, part.box.y, part.box.width, part.box.height, part.colour);
    else if (part.kind === 'text') {
      const style = { font: cssFont(part.size, part.weight), colour: part.colour, background: COLOUR.paper, spacing: part.spacing };
      card.fillText(part.text, part.x, part.baseline, part.size, style);
    } else if (part.kind === 'pill') {
      // Drawn at its own offset within whole pixels, so its curves fall as on the card.
      const [left, top] = [Math.floor(part.x), Math.floor(part.top)];
      const pill = { ...part, x: part.x - left, top: part.top - top };
      const sprite = card.sprite(`pill ${part.name} ${pill.x} ${pill.top}`, Math.ceil(part.x + part.width) - left, Math.ceil(part.top + part.height) - top, (ctx) => {
        ctx.fillStyle = COLOUR.paper;
        ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
        drawPill(ctx, pill);
      });
      card.blit(sprite, left, top);
    } else {
      const { box, places } = part;
      const sprite = card.sprite(`map ${JSON.stringify(places)}`, box.width + 4, box.height + 4, (ctx) => drawMap(ctx, places, { ...box, x: 2, y: 2 }));
      card.blit(sprite, box.x - 2, box.y - 2);
    }
  }
  return card.indices;
}

/**
 * @param card what the image shows
 * @returns its PNG
 */
export function drawOgCard(card: OgCard): Buffer {
  loadFonts();
  // One canvas a thread, painted over for each card: making one costs more than drawing a card.
  const ctx = (context ??= createCanvas(OG_WIDTH, OG_HEIGHT).getContext('2d'));
  // Text shaped the same whatever the machine's language (see setTextRenderer in @napi-rs/canvas).
  ctx.lang = 'en';
  // Text composed glyph by glyph is measured as it is composed: from each character's
  // advance and the kerning of each pair, kept once asked for, which costs a fraction of
  // Skia measuring each candidate line (a quarter of a card's time).
  const composing = getComposer();
  const composed = layOutCard(card, (size, weight, spacing = 0) => (text) => composing.measure(text, cssFont(size, weight), spacing));
  if (composed.every(isComposable)) return encodeIndexedPng(OG_WIDTH, OG_HEIGHT, compose(composed), PALETTE);
  // Text that needs shaping is laid out again as Skia will draw it.
  const parts = layOutCard(card, (size, weight, spacing = 0) => (text) => {
    font(ctx, size, weight);
    ctx.letterSpacing = `${spacing}px`;
    const { width } = ctx.measureText(text);
    ctx.letterSpacing = '0px';
    return width;
  });
  return encodeIndexedPng(OG_WIDTH, OG_HEIGHT, paintWithSkia(ctx, parts), PALETTE);
}


/**
 * Writes an image into the cache. It is written aside and renamed, so a build running at
 * the same time never links a half-written file; named per call, not per process, as two
 * threads may draw the same card at once. A cached file is never rewritten, so a build
 * may link to it rather than copy it.
 *
 * Written synchronously: an image thread has nothing else to do meanwhile, and Node's
 * asynchronous file calls queue in one pool per process, behind the tens of thousands
 * of pages the main thread writes at the same time.
 */
export function saveOgImage(file: string, png: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.${randomUUID()}.partial`;
  writeFileSync(partial, png);
  renameSync(partial, file);
}
