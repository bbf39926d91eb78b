import type { APIRoute, GetStaticPaths } from 'astro';
import { drawMapLand, getMapLandName, MAP_SIZE, type MapPlace, type MapSize } from '../../build/maps';
import { getAllEvents, getAllLocatedPlaces, getLocatedPlaces } from '../../story';

// A type, not an interface: Astro's props need an index signature.
type Props = {
  places: readonly MapPlace[];
  size: MapSize;
};

/**
 * The sea and land of every map a page shows (see drawMapLand), each once: every
 * event's, withdrawn ones' too, and the timeline's map of every place. Listed by name
 * without being drawn: a rebuild draws only the files it does not keep (`cacheKey`).
 */
export const getStaticPaths = (async () => {
  const maps = new Map<string, Props>();
  const add = (places: readonly MapPlace[], size: MapSize) => {
    if (places.length > 0) maps.set(getMapLandName(places, size), { places, size });
  };
  for (const event of await getAllEvents()) add(getLocatedPlaces(event), MAP_SIZE.event);
  add(await getAllLocatedPlaces(), MAP_SIZE.overview);
  return [...maps].map(([name, props]) => ({ params: { name }, props, cacheKey: name }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(drawMapLand(props.places, props.size).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
