import type { APIRoute, GetStaticPaths } from 'astro';
import { getCountries, paginateEvents, type CountryInStory } from '../../../../story';
import { getEmbedTimelinePath, listPageStarts } from '../../../../lib/embed';

export const getStaticPaths = (async () =>
  (await getCountries()).filter((country) => country.events.length > 0).map((country) => ({ params: { code: country.code.toLowerCase() }, props: { country } }))) satisfies GetStaticPaths;

// Where each page of a country's embeddable timeline starts, for a frame asked for a range of days (EmbedRange).
export const GET: APIRoute<{ country: CountryInStory }> = ({ props: { country } }) => {
  const starts = listPageStarts(paginateEvents(country.events), (page) => getEmbedTimelinePath(country.code, page));
  return new Response(JSON.stringify(starts), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
