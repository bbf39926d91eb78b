/**
 * One URL for every page template the site ships, chosen from the content files so
 * that each page has the richest content of its kind (statements, claims, places).
 */
import { readContentEvents } from './content.ts';

const events = readContentEvents();
const richest = [...events].sort((a, b) => b.statements.length - a.statements.length)[0];
const statement = richest?.statements[0];
if (!richest || !statement) throw new Error('the content has no statements to test with');

export const TEMPLATES: readonly { name: string; path: string }[] = [
  { name: 'timeline', path: '/' },
  { name: 'event', path: `/events/${richest.id}/` },
  { name: 'statement', path: `/statements/${statement.id}/` },
  { name: 'countries index', path: '/countries/' },
  { name: 'country', path: `/countries/${statement.country.toLowerCase()}/` },
  { name: 'search with results', path: '/search/?q=restraint' },
  { name: 'search with understood filters', path: '/search/?q=what+did+China+say' },
  { name: 'search with no results', path: '/search/?q=blorptangle' },
  { name: 'search with "Did you mean"', path: '/search/?q=Zakarova' },
  { name: 'search with some of the words', path: '/search/?q=Idlib+labourers' },
  { name: 'data', path: '/data/' },
  { name: 'about', path: '/about/' },
  { name: '404', path: '/no-such-page/' },
];

/** The embeddable views, for a frame in another site's page. */
export const EMBED_TEMPLATES: readonly { name: string; path: string }[] = [
  { name: 'timeline', path: '/embed/' },
  { name: 'country timeline', path: `/embed/countries/${statement.country.toLowerCase()}/` },
  { name: 'timeline narrowed to days', path: `/embed/?from=${richest.when.date.slice(0, 10)}&to=${richest.when.date.slice(0, 10)}` },
  { name: 'event', path: `/embed/events/${richest.id}/` },
  { name: 'statement', path: `/embed/statements/${statement.id}/` },
];
