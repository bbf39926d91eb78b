import type { APIRoute, GetStaticPaths } from 'astro';
import { getPageKey, getStatements, site } from '../../../story';
import type { Statement } from '../../../lib/schema';
import { getEmbedStatementPath, getOembed } from '../../../lib/embed';
import { OG_HEIGHT, OG_WIDTH } from '../../../lib/previews';
import { getOrigin, getPath } from '../../../lib/urls';
import { t } from '../../../i18n';

export const getStaticPaths = (async () => (await getStatements()).map(({ statement }) => ({ params: { id: statement.id }, props: { statement }, cacheKey: getPageKey({ statement }) }))) satisfies GetStaticPaths;

// A statement's oEmbed document, written once at build time: its page links to it.
export const GET: APIRoute<{ statement: Statement }> = ({ props: { statement }, site: astroSite }) => {
  const origin = getOrigin(astroSite);
  const oembed = getOembed({
    iframe: { src: new URL(getEmbedStatementPath(statement.id), origin).href, title: t('statementPage.title', { speaker: statement.speaker }), kind: 'statement' },
    siteName: site.title,
    siteUrl: new URL(getPath(), origin).href,
    thumbnail: { url: new URL(getPath(`og/statements/${statement.id}.png`), origin).href, width: OG_WIDTH, height: OG_HEIGHT },
  });
  return new Response(`${JSON.stringify(oembed, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
