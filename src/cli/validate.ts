/**
 * `npm run validate`: checks every event file as the build does (file name and slug,
 * front matter against the schema with dates as written, dates after today, statement
 * ids, safe Markdown, links to the site's own pages) and prints each problem as
 * `file: field: problem`, without building anything or printing a stack trace. Reads
 * TIMELINE_CONTENT_DIR, or `content/events`.
 *
 * `astro dev` reports a broken entry with a stack trace and, for files outside the
 * project, does not always see the change; this takes a second or two, so run it
 * while editing.
 */
import './node-imports.ts';

const { readdirSync, readFileSync } = await import('node:fs');
const { join, relative } = await import('node:path');
const { readFrontMatter, readBody } = await import('../lib/front-matter.ts');
const { getDateIn } = await import('../lib/dates.ts');
const { checkSiteLink, findFutureDates, getSlug, inspectMarkdown, isSlug } = await import('../lib/entry-rules.ts');
const { eventSchema } = await import('../lib/schema.ts');
const { groupByDay, paginateDays, sortEvents } = await import('../lib/timeline.ts');
const { getEventAnchors, getFixedPaths } = await import('../lib/urls.ts');
type EventData = import('../lib/schema.ts').EventData;
type SiteLink = import('../lib/entry-rules.ts').SiteLink;

const started = performance.now();
const folder = process.env['TIMELINE_CONTENT_DIR'] ?? 'content/events';
const problems: string[] = [];
const report = (file: string, field: string, problem: string) => problems.push(`${file}: ${field}: ${problem}`);

const entries = readdirSync(folder, { recursive: true, encoding: 'utf8' })
  .map((entry) => entry.replaceAll('\\', '/'))
  .filter((entry) => entry.endsWith('.md') && !(entry.split('/').at(-1) ?? entry).startsWith('_'))
  .sort();
const fileOf = new Map<string, string>();
const loaded: { file: string; slug: string; data: EventData; links: SiteLink[] }[] = [];
const now = new Date();

for (const entry of entries) {
  const file = relative(process.cwd(), join(folder, entry)) || entry;
  const slug = getSlug(entry);
  if (!isSlug(slug)) {
    report(file, 'file name', 'must be the event\'s date and a few lowercase words, e.g. "2024-01-18-pakistan-strikes-iran.md"');
    continue;
  }
  const other = fileOf.get(slug);
  if (other !== undefined) {
    report(file, 'file name', `slug "${slug}" is already used by ${other}; every event needs its own file name`);
    continue;
  }
  fileOf.set(slug, file);
  const raw = readFileSync(join(folder, entry), 'utf8');
  let frontMatter: Record<string, unknown>;
  try {
    frontMatter = readFrontMatter(raw);
  } catch (error) {
    report(file, 'front matter', error instanceof Error ? error.message : String(error));
    continue;
  }
  const parsed = eventSchema.safeParse(frontMatter);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) report(file, 'front matter', `${issue.path.join('.') || '(top)'}: ${issue.message}`);
    continue;
  }
  const data = parsed.data;
  for (const { field, problem } of findFutureDates(data, getDateIn(now, data.when.timeZone))) report(file, field, problem);
  const { problems: unsafe, siteLinks } = inspectMarkdown(readBody(raw));
  if (unsafe.length > 0) report(file, 'body', unsafe.join('; '));
  loaded.push({ file, slug, data, links: siteLinks });
}

const statementOwners = new Map<string, string>();
const countries = new Set<string>();
for (const { file, data } of loaded) {
  data.statements.forEach((statement, i) => {
    const owner = statementOwners.get(statement.id);
    if (owner !== undefined) report(file, `statements.${i}.id`, `statement id "${statement.id}" is already used in ${owner}`);
    else statementOwners.set(statement.id, file);
    countries.add(statement.country.toLowerCase());
  });
  data.countries.forEach((code) => countries.add(code.toLowerCase()));
}
const site = {
  events: new Map(loaded.map(({ slug, data }) => [slug, new Set(getEventAnchors(data))])),
  statements: new Set(statementOwners.keys()),
  countries,
  fixedPaths: new Set(getFixedPaths(readdirSync('src/pages', { recursive: true, encoding: 'utf8' }))),
  timelinePages: paginateDays(groupByDay(sortEvents(loaded.map(({ slug, data }) => ({ id: slug, data }))))).length,
};
for (const { file, slug, links } of loaded) {
  const broken = links.flatMap(({ url, line }) => {
    const problem = checkSiteLink(url, slug, site);
    return problem ? [`line ${line}: ${problem}`] : [];
  });
  if (broken.length > 0) report(file, 'body', broken.join('; '));
}

const took = `${Math.round(performance.now() - started)} ms`;
if (problems.length > 0) {
  console.error(`${problems.join('\n')}\n${problems.length} problem(s) in ${folder} (${took})`);
  process.exitCode = 1;
} else {
  console.log(`${entries.length} event file(s) in ${folder}: no problems (${took})`);
}
