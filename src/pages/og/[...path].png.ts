/**
 * Preview images: `/og/site.png`, `/og/events/<slug>.png`, `/og/statements/<id>.png`.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEvents, getStatements, site } from '../../content';
import { renderOgImage, type OgCard } from '../../lib/og-image';
import { getEventCard, getStatementCard } from '../../lib/previews';
import { t } from '../../i18n';

export const getStaticPaths = (async () => {
  const [events, statements] = await Promise.all([getEvents(), getStatements()]);
  const siteCard: OgCard = { kicker: t('og.siteKicker'), title: site.title, countries: [], site: '' };
  return [
    { params: { path: 'site' }, props: { card: siteCard } },
    ...events.map((event) => ({ params: { path: `events/${event.id}` }, props: { card: getEventCard(event.data, site.title) } })),
    ...statements.map(({ statement }) => ({ params: { path: `statements/${statement.id}` }, props: { card: getStatementCard(statement, site.title) } })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) =>
  new Response(new Uint8Array(await renderOgImage(props.card)), { headers: { 'Content-Type': 'image/png' } });
