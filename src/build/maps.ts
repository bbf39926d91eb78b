/**
 * Locator maps drawn at build time as SVG from Natural Earth country outlines
 * (npm world-atlas, 1:50m) with d3-geo. The map is fitted to the places it marks,
 * never to hand-set positions; no tiles and no script reach the reader.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPoint } from 'geojson';
import { geoBounds, geoCentroid, geoContains, geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A place to mark. */
export interface MapPlace {
  name: string;
  lat: number;
  lon: number;
}

/** A drawn map, ready to place in an `<svg>`. */
export interface DrawnMap {
  width: number;
  height: number;
  /** Outlines of the countries in view, one path each. */
  countries: { d: string; marked: boolean }[];
  /** Names of the countries the places are in, at their centres. */
  countryLabels: { x: number; y: number; name: string }[];
  /** The places, projected, each with where its label goes. */
  points: { x: number; y: number; name: string; label: { x: number; y: number; anchor: 'start' | 'end' } }[];
}

type CountryFeature = Feature<Geometry, { name: string }>;

type Scale = '50m' | '110m';
const atlas = new Map<Scale, { feature: CountryFeature; bounds: [[number, number], [number, number]] }[]>();

function loadCountries(scale: Scale) {
  const known = atlas.get(scale);
  if (known) return known;
  const file = join(process.cwd(), 'node_modules', 'world-atlas', `countries-${scale}.json`);
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const countries = collection.features.map((f) => ({ feature: f, bounds: geoBounds(f) }));
  atlas.set(scale, countries);
  return countries;
}

/**
 * Rewrites an SVG path of absolute whole-number moves and lines (d3-geo's output with
 * `digits(0)`) as relative steps, leaving out steps of zero length and outlines that
 * no longer enclose anything once rounded: every map's land file carries them, and this
 * makes it about half the bytes for the same drawing.
 *
 * @param d a path of `M`, `L` and `Z` commands only
 */
export function compactPath(d: string): string {
  let out = '';
  let [x, y] = [0, 0];
  for (const ring of d.split(/(?=M)/)) {
    const points = [...ring.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const [start, ...rest] = points;
    if (!start) continue;
    const steps: string[] = [];
    let [px, py] = start;
    for (const [nx, ny] of rest) {
      if (nx === px && ny === py) continue;
      steps.push(`${nx - px},${ny - py}`);
      [px, py] = [nx, ny];
    }
    if (steps.length === 0) continue;
    out += `${out ? `m${start[0] - x},${start[1] - y}` : `M${start[0]},${start[1]}`}l${steps.join(' ')}${ring.endsWith('Z') ? 'z' : ''}`;
    // After z the pen is back at the ring's start; after an open line it stays where it ended.
    [x, y] = ring.endsWith('Z') ? start : [px, py];
  }
  return out;
}

/** A map's size, in SVG units. */
export interface MapSize {
  width: number;
  height: number;
}

/** The sizes maps are drawn at, in SVG units: an event's, and the timeline's map of every place. */
export const MAP_SIZE = { event: { width: 640, height: 300 }, overview: { width: 720, height: 360 } } as const;

const drawn = new Map<string, DrawnMap>();

/**
 * @param places the places to mark; at least one
 * @param size the drawing's size in SVG units
 * @param minSpan the least number of degrees of longitude the map shows, for context
 * @returns the map, memoized: events that share their places share one drawing
 */
export function drawLocatorMap(places: readonly MapPlace[], size: MapSize, minSpan = 24): DrawnMap {
  const key = JSON.stringify([places.map((p) => [p.name, p.lat, p.lon]), size, minSpan]);
  const known = drawn.get(key);
  if (known) return known;
  if (places.length === 0) throw new Error('a map needs at least one place');

  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const centreLon = (Math.min(...lons) + Math.max(...lons)) / 2;
  const centreLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const halfLon = Math.max((Math.max(...lons) - Math.min(...lons)) / 2 + 3, minSpan / 2);
  const halfLat = Math.max((Math.max(...lats) - Math.min(...lats)) / 2 + 2, (minSpan / 2) * (size.height / size.width));
  const frame: Feature<MultiPoint> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [centreLon - halfLon, centreLat - halfLat],
        [centreLon + halfLon, centreLat + halfLat],
      ],
    },
  };
  // Outlines are cut at the frame, and a wide view needs no more detail than 1:110m.
  const projection = geoMercator().fitExtent([[0, 0], [size.width, size.height]], frame).clipExtent([[0, 0], [size.width, size.height]]);
  const path = geoPath(projection).digits(0);
  const [west, east] = [centreLon - halfLon * 1.3, centreLon + halfLon * 1.3];
  const [south, north] = [centreLat - halfLat * 1.3, centreLat + halfLat * 1.3];

  const inView = loadCountries(halfLon > 12 ? '110m' : '50m').filter(({ bounds: [[w, s], [e, n]] }) => e >= west && w <= east && n >= south && s <= north);
  const containing = new Set(
    inView.filter(({ feature: f }) => places.some((p) => geoContains(f, [p.lon, p.lat]))).map(({ feature: f }) => f.properties.name),
  );
  const project = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];

  const map: DrawnMap = {
    ...size,
    countries: inView.map(({ feature: f }) => ({ d: compactPath(path(f) ?? ''), marked: containing.has(f.properties.name) })).filter((c) => c.d),
    countryLabels: inView
      .filter(({ feature: f }) => containing.has(f.properties.name))
      .map(({ feature: f }) => {
        const [x, y] = project(...geoCentroid(f));
        return { x: Math.round(x), y: Math.round(y), name: f.properties.name };
      })
      .filter(({ x, y }) => x > 20 && x < size.width - 20 && y > 20 && y < size.height - 20),
    points: placeLabels(
      places.map((p) => {
        const [x, y] = project(p.lon, p.lat);
        // The caption names the place in full; on the map, its first part.
        const name = p.name.split(',')[0] ?? p.name;
        return { x: Math.round(x), y: Math.round(y), name: name.length > 32 ? `${name.slice(0, 31)}…` : name };
      }),
      size,
    ),
  };
  drawn.set(key, map);
  return map;
}

/** A label's font size, in map units: the height of its box above the baseline. */
export const LABEL_SIZE = 19;
/** The width a label's character is reckoned at (the sans-serif's average, generously). */
export const CHAR_WIDTH = LABEL_SIZE * 0.58;
/** How far a label's box reaches below its baseline, for descenders. */
export const LABEL_DESCENT = 4;

/**
 * Puts each label beside its point where it overlaps no other label and stays inside
 * the frame: right, left, above, below, in that order (greedy, good for a few places).
 */
function placeLabels(points: { x: number; y: number; name: string }[], size: MapSize): DrawnMap['points'] {
  const taken: { x1: number; y1: number; x2: number; y2: number }[] = points.map((p) => ({ x1: p.x - 8, y1: p.y - 8, x2: p.x + 8, y2: p.y + 8 }));
  return points.map((point) => {
    const width = point.name.length * CHAR_WIDTH;
    const right = { x: point.x + 11, y: point.y + 6, anchor: 'start' as 'start' | 'end' };
    const left = { x: point.x - 11, y: point.y + 6, anchor: 'end' as 'start' | 'end' };
    const options = [
      right,
      left,
      { x: point.x - width / 2, y: point.y - 14, anchor: 'start' as 'start' | 'end' },
      { x: point.x - width / 2, y: point.y + 27, anchor: 'start' as 'start' | 'end' },
    ];
    const box = (o: typeof right) => {
      const x1 = o.anchor === 'start' ? o.x : o.x - width;
      return { x1, y1: o.y - LABEL_SIZE, x2: x1 + width, y2: o.y + LABEL_DESCENT };
    };
    const fits = (b: ReturnType<typeof box>) =>
      b.x1 >= 2 && b.x2 <= size.width - 2 && b.y1 >= 2 && b.y2 <= size.height - 2 && !taken.some((t) => b.x1 < t.x2 && b.x2 > t.x1 && b.y1 < t.y2 && b.y2 > t.y1);
    const chosen = options.find((o) => fits(box(o))) ?? (point.x > size.width / 2 ? left : right);
    taken.push(box(chosen));
    return { ...point, label: { x: Math.round(chosen.x), y: Math.round(chosen.y), anchor: chosen.anchor } };
  });
}

/** The colours of a map's sea and land, on a light page and on a dark one. */
export const MAP_COLOURS = {
  light: { sea: '#e4edf2', land: '#f4f1ea', marked: '#e8d9c9', border: '#a39a8c' },
  dark: { sea: '#1b2630', land: '#2b2926', marked: '#4a3b30', border: '#6d665c' },
} as const;

/** A map's sea and land: an SVG file of their own, which the pages showing the map share. */
export interface MapLand {
  /** The file's name less `.svg`: getMapLandName's. */
  name: string;
  /** A hash of the file's text, for the pages' links: a browser keeps the file for good, so a new drawing needs a new address. */
  version: string;
  svg: string;
}

/**
 * @returns the name of the file of the sea and land of a map of `places` (drawMapLand):
 *   a hash of the positions and size it is drawn from, not of the drawing, so that the
 *   site's maps are listed without drawing any
 */
export function getMapLandName(places: readonly MapPlace[], size: MapSize): string {
  const positions = places.map((place) => [place.lat, place.lon]).sort(([a = 0, b = 0], [c = 0, d = 0]) => a - c || b - d);
  return createHash('sha256').update(JSON.stringify([positions, size.width, size.height])).digest('hex').slice(0, 12);
}

const lands = new Map<string, MapLand>();

/**
 * The sea and the country outlines are nearly all of a map's bytes, and events with the
 * same places have the same ones. Kept in a file, they are written and downloaded once,
 * not in every page of those events; the page keeps the places, their labels and the
 * map's text alternative. The file carries its own colours, light and dark, since a
 * page's style does not reach into an image.
 *
 * @returns the file of the sea and land of the map of `places` (drawLocatorMap's)
 */
export function drawMapLand(places: readonly MapPlace[], size: MapSize): MapLand {
  const name = getMapLandName(places, size);
  const known = lands.get(name);
  if (known) return known;
  const map = drawLocatorMap(places, size);
  const colours = (c: (typeof MAP_COLOURS)['light' | 'dark']) =>
    `rect{fill:${c.sea}}path{fill:${c.land};stroke:${c.border};stroke-width:.6}.m{fill:${c.marked}}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}">` +
    `<style>${colours(MAP_COLOURS.light)}@media (prefers-color-scheme:dark){${colours(MAP_COLOURS.dark)}}</style>` +
    `<rect width="${map.width}" height="${map.height}"/>` +
    map.countries.map((country) => `<path${country.marked ? ' class="m"' : ''} d="${country.d}"/>`).join('') +
    '</svg>\n';
  const land = { name, version: createHash('sha256').update(svg).digest('hex').slice(0, 8), svg };
  lands.set(name, land);
  return land;
}
