/**
 * The sub-path the site is served from (Astro's `base`, e.g. `/timeline/`), handled in
 * one place: pages, the Markdown link plugin and the build steps all put a site path
 * under it the same way.
 */

/** @returns the base with one trailing slash, e.g. `/timeline` → `/timeline/` */
export function normalizeBase(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * @param base Astro's `base`, with or without its trailing slash
 * @param path a path of the site, e.g. `/about/` or `about/`
 * @returns the path under the base, e.g. `/timeline/about/`
 */
export function withBase(base: string, path: string): string {
  return `${normalizeBase(base)}${path.replace(/^\//, '')}`;
}
