/**
 * `npm run import:timelinejs FILE.csv [--out DIR] [--time-zone ZONE] [--kind KIND] [--country CODE]…`
 *
 * Turns a TimelineJS Google Sheets template, exported as CSV (File → Download →
 * Comma-separated values), into event files, one per row, and lists the rows it could
 * not convert with their row numbers. The sheet says nothing of time zones, kinds or
 * countries (unless Group names a country), so those come from the options; review
 * every file before you publish it. Never overwrites a file.
 */
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importSheet } from '../lib/timelinejs.ts';
import { isCountryCode, type CountryCode } from '../lib/countries.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'content/events' },
    'time-zone': { type: 'string', default: 'UTC' },
    kind: { type: 'string', default: 'statement' },
    country: { type: 'string', multiple: true, default: [] },
  },
});
const [file] = positionals;
if (!file) {
  console.error('usage: npm run import:timelinejs FILE.csv [--out DIR] [--time-zone ZONE] [--kind KIND] [--country CODE]…');
  process.exit(2);
}
const countries = values.country.map((c) => c.toUpperCase());
const wrong = countries.filter((c) => !isCountryCode(c));
if (wrong.length > 0) {
  console.error(`--country ${wrong.join(', ')}: not an ISO 3166-1 alpha-2 code`);
  process.exit(2);
}

const out = values.out;
mkdirSync(out, { recursive: true });
const taken = new Set(readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => f.replace(/^.*\//, '').replace(/\.md$/, '')));
let result;
try {
  result = importSheet(readFileSync(file, 'utf8'), { timeZone: values['time-zone'], kind: values.kind, countries: countries as CountryCode[], published: new Date().toISOString().slice(0, 10) }, taken);
} catch (error) {
  console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
for (const { slug, file: text } of result.files) {
  const path = join(out, `${slug}.md`);
  if (existsSync(path)) throw new Error(`${path} exists; not overwritten`);
  writeFileSync(path, text, { flag: 'wx' });
}
console.log(`${file}: wrote ${result.files.length} event file(s) to ${out}/.`);
for (const { row, reason, skipped } of result.problems) console.error(`${file}: row ${row}: ${skipped ? 'left out' : 'not converted'}: ${reason}`);
const failed = result.problems.filter((p) => !p.skipped).length;
if (failed > 0) console.error(`${failed} row(s) could not be converted; fix them in the sheet or write their files by hand.`);
console.log(`Check each file's kind, countries and time zone, then run npm run build.`);
process.exit(failed > 0 ? 1 : 0);
