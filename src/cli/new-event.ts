/**
 * `npm run new`: creates a new event file from a few answers, given as flags or asked
 * for, e.g.
 *
 *   npm run new -- --date 2024-01-30 --title "Talks in Islamabad" --kind talks \
 *     --countries PK,IR --place Islamabad --time-zone Asia/Karachi
 *
 * It refuses to overwrite a file or to reuse an event's id (its slug), drafts included.
 * Writes into TIMELINE_CONTENT_DIR, or `content/events`, or the folder given by `--dir`.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkNewEventAnswers, getNewEventSlug, renderNewEvent, type NewEventAnswers } from '../lib/new-event.ts';

const { values } = parseArgs({
  options: {
    date: { type: 'string' },
    title: { type: 'string' },
    kind: { type: 'string' },
    countries: { type: 'string' },
    place: { type: 'string' },
    'time-zone': { type: 'string' },
    precision: { type: 'string' },
    summary: { type: 'string' },
    'source-title': { type: 'string' },
    'source-outlet': { type: 'string' },
    'source-url': { type: 'string' },
    dir: { type: 'string' },
  },
});

const QUESTIONS = {
  date: 'Date (YYYY-MM-DD): ',
  title: 'Title, in our words: ',
  kind: 'Kind (military-strike, attack, diplomatic-action, talks, statement): ',
  countries: 'Countries, the acting one first (e.g. PK,IR): ',
  'time-zone': 'Time zone of the place (e.g. Asia/Karachi): ',
  place: 'Place (leave empty if the sources do not say): ',
} as const;

/** @returns the answers given as flags, asking in a terminal for those that are not */
async function ask(): Promise<Record<keyof typeof QUESTIONS, string | undefined>> {
  const names = Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[];
  const answers = Object.fromEntries(names.map((name) => [name, values[name]])) as Record<keyof typeof QUESTIONS, string | undefined>;
  const missing = names.filter((name) => answers[name] === undefined);
  const required = missing.filter((name) => name !== 'place');
  if (missing.length === 0 || (!process.stdin.isTTY && required.length === 0)) return answers;
  if (!process.stdin.isTTY) throw new Error(`give ${required.map((name) => `--${name}`).join(', ')} (or run it in a terminal to be asked)`);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const name of missing) answers[name] = (await rl.question(QUESTIONS[name])).trim() || undefined;
  } finally {
    rl.close();
  }
  return answers;
}

/** @returns the files in `folder` (any depth) that hold the event `slug`, published or draft */
function findSlug(folder: string, slug: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => {
    const name = file.split('/').at(-1) ?? file;
    return name === `${slug}.md` || name === `_${slug}.md`;
  });
}

try {
  const given = await ask();
  const answers: NewEventAnswers = {
    date: given.date ?? '',
    // The day in UTC, as git dates commits: the same day for every editor, wherever they are.
    published: new Date().toISOString().slice(0, 10),
    title: given.title ?? '',
    kind: given.kind ?? '',
    countries: (given.countries ?? '').split(/[\s,]+/).filter(Boolean).map((code) => code.toUpperCase()),
    timeZone: given['time-zone'] ?? '',
    precision: values.precision,
    place: given.place,
    summary: values.summary,
    source: { title: values['source-title'], outlet: values['source-outlet'], url: values['source-url'] },
  };
  const problems = checkNewEventAnswers(answers);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const folder = values.dir ?? process.env['TIMELINE_CONTENT_DIR'] ?? 'content/events';
  const slug = getNewEventSlug(answers);
  const taken = findSlug(folder, slug);
  if (taken.length > 0) throw new Error(`the id "${slug}" is already used by ${taken.map((file) => join(folder, file)).join(', ')}; choose another title`);
  const file = join(folder, `${slug}.md`);
  // `wx`: never overwrite, even a file written since the check above.
  writeFileSync(file, renderNewEvent(answers), { flag: 'wx' });
  console.log(`Created ${relative(process.cwd(), file) || file}\nFill in what is empty (summary, source), write the text below the front matter, then run npm run validate.`);
} catch (error) {
  console.error(`npm run new: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
