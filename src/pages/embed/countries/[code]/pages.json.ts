import type { APIRoute, GetStaticPaths } from 'astro';
import { getCountryTimelines, type CountryTimeline } from '../../../../story';
import { getEmbedTimelinePath, listPageStarts } from '../../../../lib/embed';

export const getStaticPaths = (async () => (await getCountryTimelines()).map((props) => ({ params: { code: props.country.code.toLowerCase() }, props }))) satisfies GetStaticPaths;

// Where each page of a country's embeddable timeline starts, for a frame asked for a range of days (EmbedRange).
export const GET: APIRoute<CountryTimeline> = ({ props: { country, pages } }) => {
  const starts = listPageStarts(pages, (page) => getEmbedTimelinePath(country.code, page));
  return new Response(JSON.stringify(starts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
