import { describe, expect, it } from 'vitest';
import { CARD_MAP, getCardMapSvg } from '../../src/build/og-image';
import { drawLocatorMap } from '../../src/build/maps';

const places = [
  { name: 'Erbil', lat: 36.19, lon: 44.01 },
  { name: 'Idlib', lat: 35.93, lon: 36.63 },
];
const card = { kicker: 'k', title: 't', countries: ['Iraq', 'Syria'], site: 's' };

describe('the map in a preview card', () => {
  it('is the event page’s drawing, one dot per place, with no text to need a font', () => {
    const svg = getCardMapSvg({ ...card, places }) ?? '';
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).not.toContain('<text');
    // Same size as the page's map, so drawLocatorMap hands back the drawing it already made.
    expect(CARD_MAP).toEqual({ width: 640, height: 300 });
    expect(drawLocatorMap(places, { width: 640, height: 300 })).toBe(drawLocatorMap(places, CARD_MAP));
  });

  it('is left out of a card with no located place', () => {
    expect(getCardMapSvg(card)).toBeUndefined();
    expect(getCardMapSvg({ ...card, places: [] })).toBeUndefined();
  });
});
