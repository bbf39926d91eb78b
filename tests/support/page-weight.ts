/**
 * What a page of a built site weighs as a reader downloads it: the page with the CSS
 * and scripts it loads, each gzip-compressed, as the benchmark and the build tests
 * measure it. And one page of each template to weigh, chosen from the built site so
 * that each is the heaviest of its kind (the richest event, the biggest country).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (text: string | Buffer) => gzipSync(text).length;

/**
 * @param dist the built site
 * @param path a page's path, e.g. `/events/x/` or `` for the home page
 * @returns the page's gzip bytes (`html`), with its CSS and scripts (`total`), and its largest script
 */
export function pageWeight(dist: string, path: string): { html: number; total: number; largestScript: number } {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const assets = [...html.matchAll(/<(?:link rel="stylesheet" href|script type="module" src)="([^"]+)"/g)].map((m) => m[1] ?? '');
  const sizes = assets.map((asset) => gz(readFileSync(join(dist, asset))));
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => gz(m[1] ?? ''));
  return { html: gz(html), total: gz(html) + sizes.reduce((a, b) => a + b, 0), largestScript: Math.max(0, ...inline, ...sizes.filter((_, i) => assets[i]?.endsWith('.js'))) };
}

/** @returns the folders under `dir`, or none when it does not exist */
const folders = (dir: string) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : []);

/** @returns the folder under `dir` whose page is largest, by `weigh` */
function heaviest(dir: string, weigh = (name: string) => statSync(join(dir, name, 'index.html')).size): string {
  let best = { name: '', weight: -1 };
  for (const name of folders(dir)) {
    const weight = weigh(name);
    if (weight > best.weight) best = { name, weight };
  }
  if (!best.name) throw new Error(`no pages in ${dir}`);
  return best.name;
}

/** A template and the page of it to weigh. */
export interface TemplatePage {
  name: string;
  path: string;
}

/**
 * @param dist a built site
 * @returns one page of every template the site ships, the heaviest of its kind: the
 *   richest event and statement page (by size), the country with the most pages, and
 *   the embeddable views of each
 */
export function pickTemplatePages(dist: string): TemplatePage[] {
  const event = heaviest(join(dist, 'events'));
  const statement = heaviest(join(dist, 'statements'));
  // The country with the most pages, then the largest first page.
  const countries = join(dist, 'countries');
  const country = heaviest(countries, (code) => folders(join(countries, code)).length * 1e9 + statSync(join(countries, code, 'index.html')).size);
  const lastCountryPage = folders(join(countries, country)).length + 1;
  const timelinePages = folders(join(dist, 'timeline')).length + 1;
  const correctionPages = folders(join(dist, 'corrections')).length + 1;
  return [
    { name: 'timeline', path: '/' },
    ...(timelinePages > 1 ? [{ name: 'timeline, last page', path: `/timeline/${timelinePages}/` }] : []),
    { name: 'event', path: `/events/${event}/` },
    { name: 'statement', path: `/statements/${statement}/` },
    { name: 'country', path: `/countries/${country}/` },
    ...(lastCountryPage > 1 ? [{ name: 'country, last page', path: `/countries/${country}/${lastCountryPage}/` }] : []),
    { name: 'countries index', path: '/countries/' },
    { name: 'search', path: '/search/' },
    { name: 'data', path: '/data/' },
    { name: 'about', path: '/about/' },
    { name: 'corrections', path: '/corrections/' },
    ...(correctionPages > 1 ? [{ name: 'corrections, last page', path: `/corrections/${correctionPages}/` }] : []),
    { name: 'embed timeline', path: '/embed/' },
    { name: 'embed country', path: `/embed/countries/${country}/` },
    { name: 'embed event', path: `/embed/events/${event}/` },
    { name: 'embed statement', path: `/embed/statements/${statement}/` },
  ];
}
