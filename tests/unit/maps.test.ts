import { describe, expect, it } from 'vitest';
import { CHAR_WIDTH, LABEL_DESCENT, LABEL_SIZE, MAP_COLOURS, compactPath, drawLocatorMap, drawMapLand, getMapLandName } from '../../src/build/maps';

const size = { width: 640, height: 300 };
const erbil = { name: 'Erbil, Kurdistan Region', lat: 36.19, lon: 44.01 };
const idlib = { name: 'Idlib province', lat: 35.93, lon: 36.63 };
const saravan = { name: 'Near Saravan', lat: 27.37, lon: 62.33 };

describe('drawLocatorMap', () => {
  it('fits the map to the places it marks, inside the frame', () => {
    const map = drawLocatorMap([erbil, idlib, saravan], size);
    for (const point of map.points) {
      expect(point.x).toBeGreaterThan(0);
      expect(point.x).toBeLessThan(size.width);
      expect(point.y).toBeGreaterThan(0);
      expect(point.y).toBeLessThan(size.height);
    }
    const [e, i, s] = map.points;
    // West is left and north is up, from the coordinates alone.
    expect(i?.x).toBeLessThan(e?.x ?? 0);
    expect(e?.x).toBeLessThan(s?.x ?? 0);
    expect(s?.y).toBeGreaterThan(e?.y ?? 0);
  });

  it('outlines and names the countries the places are in', () => {
    const map = drawLocatorMap([saravan], size);
    expect(map.countries.filter((c) => c.marked)).toHaveLength(1);
    expect(map.countries.length).toBeGreaterThan(3);
    expect(map.points[0]?.name).toBe('Near Saravan');
  });

  it('keeps labels apart and inside the frame', () => {
    const near = [erbil, { name: 'Another place close by', lat: 36.1, lon: 44.3 }, { name: 'A third', lat: 36.3, lon: 43.8 }];
    const { points } = drawLocatorMap(near, size);
    const boxes = points.map((p) => {
      // The label's box as the map draws it: if the label size changes, this follows.
      const width = p.name.length * CHAR_WIDTH;
      const x1 = p.label.anchor === 'start' ? p.label.x : p.label.x - width;
      return { x1, x2: x1 + width, y1: p.label.y - LABEL_SIZE, y2: p.label.y + LABEL_DESCENT };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.x1).toBeGreaterThanOrEqual(0);
      expect(a.x2).toBeLessThanOrEqual(size.width);
      for (const b of boxes.slice(i + 1)) {
        expect(a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1).toBe(false);
      }
    }
  });

  it('needs a place', () => {
    expect(() => drawLocatorMap([], size)).toThrow(/at least one place/);
  });
});

/** The rings of a path as absolute points, read the way an SVG renderer reads them. */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let [x, y] = [0, 0];
  let start: [number, number] = [0, 0];
  for (const [, command = '', args = ''] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const numbers = [...args.matchAll(/-?[\d.]+/g)].map(Number);
    if (command === 'z' || command === 'Z') {
      [x, y] = start;
      continue;
    }
    for (let i = 0; i < numbers.length; i += 2) {
      const [a = 0, b = 0] = [numbers[i], numbers[i + 1]];
      [x, y] = command === command.toUpperCase() ? [a, b] : [x + a, y + b];
      if (i === 0 && (command === 'M' || command === 'm')) {
        start = [x, y];
        out.push([]);
      }
      out.at(-1)?.push([x, y]);
    }
  }
  return out;
}

describe('compactPath', () => {
  it('draws the same outline with relative steps, without zero-length steps or empty rings', () => {
    const d = 'M375,0L375,0L375,0Z M308,0L308,0L308,1L312,1L312,1L308,0ZM10,10L12,10L12,12Z';
    expect(compactPath(d)).toBe('M308,0l0,1 4,0 -4,-1zm-298,10l2,0 0,2z');
    expect(rings(compactPath(d))).toEqual([
      [[308, 0], [308, 1], [312, 1], [308, 0]],
      [[10, 10], [12, 10], [12, 12]],
    ]);
  });

  it('keeps every corner of real outlines', () => {
    for (const country of drawLocatorMap([erbil, idlib, saravan], size).countries) {
      expect(country.d).toMatch(/^M/);
      for (const ring of rings(country.d)) {
        expect(ring.length).toBeGreaterThan(1);
        for (const [x, y] of ring) {
          expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(size.width);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(size.height);
        }
      }
    }
  });
});

describe('drawMapLand', () => {
  it('gives maps of the same positions one file, named without drawing it, and other positions another', () => {
    const land = drawMapLand([erbil, idlib], size);
    expect(drawMapLand([idlib, { ...erbil, name: 'Erbil' }], size)).toBe(land);
    expect(getMapLandName([idlib, erbil], size)).toBe(land.name);
    expect(drawMapLand([erbil, saravan], size).name).not.toBe(land.name);
    expect(drawMapLand([erbil, idlib], { width: 720, height: 360 }).name).not.toBe(land.name);
    expect(land.name).toMatch(/^[0-9a-f]{12}$/);
  });

  it('draws every outline of the map, the countries of its places marked, in light and dark colours', () => {
    const map = drawLocatorMap([erbil, idlib], size);
    const { svg } = drawMapLand([erbil, idlib], size);
    const paths = [...svg.matchAll(/<path( class="m")? d="([^"]+)"\/>/g)];
    expect(paths.map((path) => path[2])).toEqual(map.countries.map((country) => country.d));
    expect(paths.filter((path) => path[1]).length).toBe(2);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 640 300"/);
    for (const colour of [...Object.values(MAP_COLOURS.light), ...Object.values(MAP_COLOURS.dark)]) expect(svg).toContain(colour);
    expect(svg.indexOf(MAP_COLOURS.dark.sea)).toBeGreaterThan(svg.indexOf('prefers-color-scheme:dark'));
  });
});
