/**
 * `/.well-known/security.txt` (RFC 9116), when content/site.json gives a `contact`: a
 * security.txt without one is not valid, so none is published. It expires a year after
 * the build, so a site left unbuilt for a year stops vouching for an old address.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../story';
import { getOrigin, getPath } from '../../lib/urls';
import { getSecurityTxt } from '../../lib/well-known';

export const getStaticPaths = (() => (site.contact ? [{ params: { file: 'security.txt' }, props: { contact: site.contact } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute<{ contact: string }> = ({ props, site: origin }) =>
  new Response(getSecurityTxt(props.contact, new URL(getPath('.well-known/security.txt'), getOrigin(origin)).href, new Date()), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
