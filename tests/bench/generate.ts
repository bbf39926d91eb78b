/**
 * Writes N realistic synthetic events into a folder outside content/, for measuring
 * the engine at scale: several countries, statements and sources per event, every
 * kind and precision, text of varied length, places with coordinates. Deterministic:
 * the same N gives the same files.
 *
 * Usage: node tests/bench/generate.ts <count> <folder>
 * Then build from it: TIMELINE_CONTENT_DIR=<folder> npm run build -- --local-preview
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Each place's zone; its offset on a given day is looked up, since several changed.
const PLACES = [
  ['Islamabad', 'PK', 33.69, 73.06, 'Asia/Karachi'],
  ['Karachi', 'PK', 24.86, 67.0, 'Asia/Karachi'],
  ['Quetta', 'PK', 30.18, 66.99, 'Asia/Karachi'],
  ['Tehran', 'IR', 35.69, 51.39, 'Asia/Tehran'],
  ['Zahedan', 'IR', 29.5, 60.86, 'Asia/Tehran'],
  ['Baghdad', 'IQ', 33.31, 44.37, 'Asia/Baghdad'],
  ['Erbil', 'IQ', 36.19, 44.01, 'Asia/Baghdad'],
  ['Damascus', 'SY', 33.51, 36.29, 'Asia/Damascus'],
  ['Kabul', 'AF', 34.53, 69.17, 'Asia/Kabul'],
  ['Beijing', 'CN', 39.9, 116.4, 'Asia/Shanghai'],
  ['Moscow', 'RU', 55.76, 37.62, 'Europe/Moscow'],
  ['Washington', 'US', 38.9, -77.04, 'America/New_York'],
  ['Ankara', 'TR', 39.93, 32.86, 'Europe/Istanbul'],
  ['Riyadh', 'SA', 24.71, 46.68, 'Asia/Riyadh'],
  ['New Delhi', 'IN', 28.61, 77.21, 'Asia/Kolkata'],
] as const;
const KINDS = ['military-strike', 'attack', 'diplomatic-action', 'talks', 'statement'] as const;
const UPDATE_KINDS = ['correction', 'update', 'clarification'] as const;
const PARTS = ['early-morning', 'morning', 'afternoon', 'evening', 'late-evening', 'day', 'day', 'minute'] as const;
const ROLES = ['Foreign Minister', 'Foreign ministry spokesperson', 'Defence Minister', 'Ambassador', 'President', 'Military spokesperson'];
const FIRST = ['Amina', 'Bilal', 'Chen', 'Dariush', 'Elena', 'Farid', 'Grace', 'Hamid', 'Irina', 'Jamal', 'Karim', 'Leila'];
const LAST = ['Ahmadi', 'Baig', 'Castillo', 'Durrani', 'Ebrahimi', 'Fedorova', 'Gul', 'Haddad', 'Ivanova', 'Jafari'];
const WORDS =
  'officials said the border talks would resume after the strike while ministers called for restraint and dialogue as envoys returned to their posts and the security council met to discuss the incident near the frontier where residents reported explosions before dawn and aid groups asked for access'.split(
    ' ',
  );

// A small deterministic generator, so every run measures the same content.
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const sentence = (words: number) => {
  const text = Array.from({ length: words }, () => pick(WORDS)).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};
const pad = (n: number) => String(n).padStart(2, '0');

const formats = new Map<string, Intl.DateTimeFormat>();
/** @returns the UTC offset of `zone` at the instant `utc`, e.g. "+03:30" */
function offsetAt(zone: string, utc: number): string {
  let format = formats.get(zone);
  if (!format) formats.set(zone, (format = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name = format.formatToParts(utc).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'GMT' ? '+00:00' : name.slice(3);
}
const minutes = (offset: string) => (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** @returns the offset of a wall-clock time in `zone` (it changed over the years in several), or none for a time a clock change skipped */
function localOffset(zone: string, wall: number): string | undefined {
  const guess = offsetAt(zone, wall);
  const offset = offsetAt(zone, wall - minutes(guess) * 60_000);
  return offsetAt(zone, wall - minutes(offset) * 60_000) === offset ? offset : undefined;
}
const yaml = (text: string) => JSON.stringify(text);

/** Writes `count` events into `folder`, replacing what was there. */
export function generateEvents(count: number, folder: string): void {
  const target = resolve(folder);
  if (target.startsWith(resolve('content'))) throw new Error('the generator never writes into content/');
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  seed = 42;
  // From 1 January 2024, about 8 events a day; a story too long to end by 2025 starts
  // earlier instead, since a build refuses dates still to come.
  const days = Math.ceil(count / 8);
  const start = Math.min(Date.UTC(2024, 0, 1), Date.UTC(2025, 11, 31) - days * 86_400_000);
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor(i / 8) * 86_400_000);
    const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
    const [place, country, lat, lon, zone] = pick(PLACES);
    const other = pick(PLACES);
    const kind = KINDS[i % KINDS.length] ?? 'statement';
    const drawn = zone === 'America/New_York' ? 'day' : pick(PARTS);
    const [hour, minute] = drawn === 'minute' ? [Math.floor(random() * 24), Math.floor(random() * 60)] : [0, 0];
    const offset = localOffset(zone, day.getTime() + (hour * 60 + minute) * 60_000);
    const precision = drawn === 'minute' && !offset ? 'day' : drawn;
    const when =
      precision === 'minute'
        ? `  date: "${date}T${pad(hour)}:${pad(minute)}${offset}"\n  precision: minute`
        : `  date: ${date}\n  precision: ${precision}`;
    const sources = Array.from({ length: 1 + (i % 3) }, (_, k) => ({ id: `source-${k + 1}`, outlet: `Outlet ${(i + k) % 40}` }));
    const statements = Array.from({ length: i % 4 === 0 ? 0 : 1 + (i % 3) }, (_, k) => {
      const speakerCountry = k === 0 ? country : other[1];
      return `  - id: s-${i}-${k}
    speaker: ${pick(FIRST)} ${pick(LAST)}
    role: ${pick(ROLES)}
    country: ${speakerCountry}
    quote: ${yaml(sentence(8 + Math.floor(random() * 30)))}
    date: ${date}
    source: source-${1 + (k % sources.length)}`;
    });
    const claims =
      i % 5 === 0
        ? `claims:
  - topic: Casualties
    claimant: Officials in ${place}
    country: ${country}
    claim: ${yaml(`${2 + (i % 9)} people killed.`)}
    source: source-1
  - topic: Casualties
    claimant: Officials in ${other[0]}
    country: ${other[1]}
    claim: "No one was killed."
    source: source-1
`
        : '';
    // First published here the same day or up to two days later, as a newsroom catching up would.
    const publishedDay = new Date(day.getTime() + (i % 3) * 86_400_000);
    const published = `${publishedDay.getUTCFullYear()}-${pad(publishedDay.getUTCMonth() + 1)}-${pad(publishedDay.getUTCDate())}`;
    const body = Array.from({ length: 1 + (i % 4) }, () => sentence(20 + Math.floor(random() * 60))).join('\n\n');
    // One event in five corrected, clarified or updated on the day it was published.
    const updates =
      i % 5 === 2
        ? `updates:
  - date: ${published}
    kind: ${UPDATE_KINDS[i % UPDATE_KINDS.length] ?? 'update'}
    note: ${yaml(`The number of people reported hurt was revised in event ${i}.`)}
`
        : '';
    const file = `---
title: ${yaml(`${sentence(6 + (i % 8)).slice(0, -1)} (${i})`)}
summary: ${yaml(sentence(18 + (i % 20)))}
published: ${published}
kind: ${kind}
when:
${when}
  timeZone: ${zone}
places:
  - name: ${place}
    country: ${country}
    lat: ${lat}
    lon: ${lon}
countries: [${country}${other[1] === country ? '' : `, ${other[1]}`}]
actors:
  - name: ${pick(FIRST)} ${pick(LAST)}
    role: ${pick(ROLES)}
    country: ${country}
statements:${statements.length ? `\n${statements.join('\n')}` : ' []'}
${claims}${updates}sources:
${sources.map((s) => `  - id: ${s.id}\n    title: ${yaml(sentence(7))}\n    outlet: ${s.outlet}\n    url: https://example.org/${s.outlet.replace(' ', '-').toLowerCase()}/${i}`).join('\n')}
---

${body}
`;
    const month = date.slice(0, 7);
    mkdirSync(join(target, month), { recursive: true });
    writeFileSync(join(target, month, `${date}-event-${i}.md`), file);
  }
}

if (import.meta.filename === process.argv[1]) {
  const [count, folder] = process.argv.slice(2);
  if (!count || !folder) throw new Error('usage: node tests/bench/generate.ts <count> <folder>');
  generateEvents(Number(count), folder);
  console.log(`wrote ${count} events to ${folder}`);
}
