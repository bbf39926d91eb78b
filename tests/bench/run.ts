/**
 * `npm run bench`: builds generated stories of 100, 1,000 and 10,000 events and
 * measures them (build time, peak memory, sizes, page weights, a filtered search,
 * Lighthouse), beside a bare Astro skeleton and TimelineJS3; prints the figures,
 * writes BENCHMARKS.md and exits non-zero when a budget is missed. Not part of
 * `npm test`. Pass sizes to run fewer: `npm run bench -- 100 1000`.
 *
 * Lighthouse (about 130 MB with its tree) is not a dependency, so that no host
 * installs it: the bench scores pages with it when it is installed
 * (`npm install --no-save lighthouse@12`) and says so when it is not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { chromiumPath, startPreview } from '../support/preview.ts';
import { answeredQuestions } from '../support/reader-questions.ts';
import { pageWeight, pickTemplatePages } from '../support/page-weight.ts';
import { FIRST_SEARCHES, measureFirstSearch } from './first-search.ts';
import { serveFolder } from '../support/serve.ts';
import { generateEvents } from './generate.ts';

const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length > 0 ? SIZES : [100, 1000, 10_000];
const work = join(tmpdir(), 'timeline-bench');
const KB = 1024;
const BUDGET = {
  buildSeconds: 60,
  peakMemoryBytes: 3 * KB ** 3,
  timelineGzip: 30 * KB,
  firstScreenGzip: 14 * KB,
  scriptGzip: 15 * KB,
  searchBytes: 300 * KB,
  lighthouse: 100,
};
const missed: string[] = [];
const budget = (ok: boolean, what: string) => {
  if (!ok) missed.push(what);
  return ok ? 'within budget' : 'OVER BUDGET';
};

/** Runs a command, sampling the memory of it and all its children. */
async function measure(command: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peak = 0;
  const sample = () => {
    const parents = new Map<number, number>();
    const rss = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
        rss.set(Number(entry), Number(fields[21]) * 4096);
      } catch {
        // the process ended while being read
      }
    }
    const tree = new Set([child.pid ?? -1]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents) if (tree.has(parent) && !tree.has(pid)) grew = tree.add(pid) !== undefined;
    }
    peak = Math.max(peak, [...tree].reduce((total, pid) => total + (rss.get(pid) ?? 0), 0));
  };
  const timer = setInterval(sample, 100);
  const status = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peak, status, output };
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (stat.isFile()) total += stat.size;
  }
  return total;
}

const gz = (text: string | Buffer) => gzipSync(text).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** @returns gzip bytes of the HTML up to the end of the first event on the timeline */
function firstScreenBytes(dist: string): number {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const end = html.indexOf('</article>');
  return gz(html.slice(0, end === -1 ? html.length : end + 10));
}

async function withBrowser<T>(task: (browser: Browser) => Promise<T>): Promise<T> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch(executablePath ? { executablePath } : {});
  try {
    return await task(browser);
  } finally {
    await browser.close();
  }
}

/** Bytes the browser received and milliseconds until `selector` showed, from navigation start. */
async function load(browser: Browser, url: string, selector: string) {
  const page = await browser.newPage();
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => undefined);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  await page.close();
  return { bytes, ms: Math.round(ms) };
}

type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: { categories: Record<string, { score: number | null } | undefined> } } | undefined>;
type LaunchChrome = (options: Record<string, unknown>) => Promise<{ port: number; kill: () => void }>;

/** @returns Lighthouse and its Chrome launcher, or none when Lighthouse is not installed */
async function loadLighthouse(): Promise<{ lighthouse: Lighthouse; launch: LaunchChrome } | undefined> {
  // Names in variables: the type checker must not require a package that is optional.
  const [lighthouseName, launcherName] = ['lighthouse', 'chrome-launcher'];
  try {
    const [lighthouse, launcher] = await Promise.all([import(lighthouseName), import(launcherName)]);
    return { lighthouse: (lighthouse as { default: Lighthouse }).default, launch: (launcher as { launch: LaunchChrome }).launch };
  } catch {
    return undefined;
  }
}

async function lighthouseScores({ lighthouse, launch }: { lighthouse: Lighthouse; launch: LaunchChrome }, url: string) {
  const chromePath = chromiumPath();
  const chrome = await launch({ ...(chromePath ? { chromePath } : {}), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const categories = result?.lhr.categories;
    return { performance: Math.round((categories?.['performance']?.score ?? 0) * 100), accessibility: Math.round((categories?.['accessibility']?.score ?? 0) * 100) };
  } finally {
    chrome.kill();
  }
}

/** A bare Astro project: one plain page per entry, no layout, the same events. */
function bareSkeleton(events: string): string {
  const root = join(work, 'bare');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { events: defineCollection({ loader: glob({ base: ${JSON.stringify(events)}, pattern: '**/*.md' }) }) };\n`,
  );
  writeFileSync(
    join(root, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('events')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<h1>{String(entry.data.title)}</h1><Content />\n`,
  );
  return root;
}

/** TimelineJS3 showing the story's events, from its npm package, on a page of its own. */
function timelineJsPage(storyDist: string): string {
  const root = join(work, 'timelinejs');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const pkg = 'node_modules/@knight-lab/timelinejs/dist';
  cpSync(join(pkg, 'js/timeline.js'), join(root, 'timeline.js'));
  cpSync(join(pkg, 'css/timeline.css'), join(root, 'timeline.css'));
  const story = JSON.parse(readFileSync(join(storyDist, 'data/events.json'), 'utf8')) as { title: string; events: { title: string; summary: string; when: { date: string } }[] };
  const data = {
    title: { text: { headline: story.title } },
    events: story.events.map((e) => {
      const [year, month, day] = e.when.date.slice(0, 10).split('-').map(Number);
      return { start_date: { year, month, day }, text: { headline: e.title, text: e.summary } };
    }),
  };
  writeFileSync(join(root, 'data.json'), JSON.stringify(data));
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>TimelineJS3</title><link rel="stylesheet" href="timeline.css"></head><body><div id="timeline" style="height:600px"></div><script src="timeline.js"></script><script>fetch('data.json').then((r) => r.json()).then((d) => new TL.Timeline('timeline', d, { font: null }));</script></body></html>`,
  );
  return root;
}

const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

mkdirSync(work, { recursive: true });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / KB ** 3)} GiB, Node ${process.version}, ${spawnSync(chromiumPath() ?? 'chromium', ['--version'], { encoding: 'utf8' }).stdout.trim()}`;
say(`# Benchmarks\n\nRun ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${machine}.`);
say('Builds write to a staging folder and are swapped in; preview images are cached in .cache/og (or TIMELINE_CACHE_DIR), so a first build draws every image and a rebuild of unchanged content draws none. The build budget applies to a rebuild: a deploy keeps that cache, as a newsroom pipeline would.');

say('\n## Builds\n');
say('| events | pages | first build (peak memory) | rebuild (peak memory) | pages/s (rebuild) | dist/ | search index | bare Astro skeleton | ours ÷ bare |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
const built = new Map<number, string>();
const weights: string[] = [];
for (const count of sizes) {
  const events = join(work, `events-${count}`);
  const dist = join(work, `dist-${count}`);
  generateEvents(count, events);
  const build = (folder: string) => measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--local-preview', '--outDir', dist], { TIMELINE_CONTENT_DIR: folder });
  const first = await build(events);
  if (first.status !== 0) throw new Error(`build of ${count} events failed:\n${first.output.slice(-3000)}`);
  const again = await build(events);
  if (again.status !== 0) throw new Error(`rebuild of ${count} events failed:\n${again.output.slice(-3000)}`);
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  const bare = bareSkeleton(events);
  const bareBuild = await measure(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {}, bare);
  if (bareBuild.status !== 0) throw new Error(`bare build failed:\n${bareBuild.output.slice(-2000)}`);
  const gib = (bytes: number) => `${(bytes / KB ** 3).toFixed(2)} GiB`;
  say(
    `| ${count} | ${pages} | ${first.seconds.toFixed(1)} s (${gib(first.peak)}) | ${again.seconds.toFixed(1)} s (${gib(again.peak)}) | ${Math.round(pages / again.seconds)} | ${(folderSize(dist) / KB ** 2).toFixed(0)} MB | ${(folderSize(join(dist, 'pagefind')) / KB ** 2).toFixed(1)} MB | ${bareBuild.seconds.toFixed(1)} s | ${(again.seconds / bareBuild.seconds).toFixed(1)}× |`,
  );
  if (count === 10_000) {
    budget(again.seconds <= BUDGET.buildSeconds, `10,000-event rebuild ${again.seconds.toFixed(1)} s > ${BUDGET.buildSeconds} s`);
    budget(again.peak <= BUDGET.peakMemoryBytes, `10,000-event rebuild peak memory ${gib(again.peak)} > 3 GiB`);
    budget(first.peak <= BUDGET.peakMemoryBytes, `10,000-event first build peak memory ${gib(first.peak)} > 3 GiB`);
  }
  built.set(count, dist);

  const templates = pickTemplatePages(dist);
  const pathOf = (name: string) => templates.find((template) => template.name === name)?.path ?? '';
  const timeline = pageWeight(dist, '');
  const eventPage = pageWeight(dist, pathOf('event'));
  const countryPage = pageWeight(dist, pathOf('country'));
  const firstScreen = firstScreenBytes(dist);
  const largestScript = Math.max(timeline.largestScript, eventPage.largestScript, countryPage.largestScript, pageWeight(dist, 'search').largestScript);
  weights.push(
    `| ${count} | ${kb(timeline.total)} (${budget(timeline.total <= BUDGET.timelineGzip, `${count}: timeline ${kb(timeline.total)} gzip > 30 KB`)}) | ${kb(firstScreen)} (${budget(firstScreen <= BUDGET.firstScreenGzip, `${count}: first screen ${kb(firstScreen)} > 14 KB`)}) | ${kb(eventPage.total)} | ${kb(countryPage.total)} | ${kb(largestScript)} (${budget(largestScript <= BUDGET.scriptGzip, `${count}: a script of ${kb(largestScript)} gzip loads before search`)}) |`,
  );
}

say('\n## Page weight (gzip, each page with its CSS and scripts)\n');
say('| events | timeline page | its first screen | event page | country page | largest script before search |');
say('| ---: | ---: | ---: | ---: | ---: | ---: |');
for (const line of weights) say(line);

const largest = Math.max(...sizes);
const largestDist = built.get(largest) ?? '';
say(`\n## In Chromium, ${largest} events\n`);
const { origin, stop } = await startPreview(4340, largestDist);
try {
  const search = await withBrowser((browser) => load(browser, `${origin}/search/?q=border&country=PK`, '.result'));
  say(`Filtered search (\`/search/?q=border&country=PK\`, opened cold): ${kb(search.bytes)} transferred, first results ${search.ms} ms after navigation started (${budget(search.bytes <= BUDGET.searchBytes, `search downloads ${kb(search.bytes)} > 300 KB`)}).`);
  const typed = await withBrowser((browser) => measureFirstSearch(browser, origin, FIRST_SEARCHES[0] ?? 'restraint'));
  say(`First search typed on the search page (“${typed.question}”, the whole index): ${kb(typed.gzip)} gzip, ${kb(typed.raw)} raw.`);
  const scorer = await loadLighthouse();
  if (!scorer) {
    say('\nLighthouse is not installed, so its scores and budget were not measured: `npm install --no-save lighthouse@12`, then run the bench again.');
  } else {
    say('\n| Lighthouse (mobile) | Performance | Accessibility |');
    say('| --- | ---: | ---: |');
    const event = readdirSync(join(largestDist, 'events'))[0] ?? '';
    for (const [name, path] of [['timeline', '/'], ['event page', `/events/${event}/`], ['search page', '/search/']] as const) {
      const scores = await lighthouseScores(scorer, `${origin}${path}`);
      const ok = scores.performance >= BUDGET.lighthouse && scores.accessibility >= BUDGET.lighthouse;
      budget(ok, `Lighthouse ${name}: performance ${scores.performance}, accessibility ${scores.accessibility}`);
      say(`| ${name} | ${scores.performance} | ${scores.accessibility} |`);
    }
  }
} finally {
  stop();
}

say('\n## Our timeline against TimelineJS3, the story itself\n');
const storyDist = join(work, 'dist-story');
const story = await measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--local-preview', '--outDir', storyDist], { TIMELINE_CONTENT_DIR: 'content/events' });
if (story.status !== 0) throw new Error(`story build failed:\n${story.output.slice(-2000)}`);
const ours = await startPreview(4341, storyDist);
const theirs = await serveFolder(timelineJsPage(storyDist));
try {
  await withBrowser(async (browser) => {
    const a = await load(browser, `${ours.origin}/`, 'article.event h3');
    const b = await load(browser, `${theirs.origin}/`, '.tl-slide .tl-headline');
    say('| | bytes transferred | first event headline on screen |');
    say('| --- | ---: | ---: |');
    say(`| this site's timeline | ${kb(a.bytes)} | ${a.ms} ms |`);
    say(`| TimelineJS3 (npm @knight-lab/timelinejs) | ${kb(b.bytes)} | ${b.ms} ms |`);
    say('\n| first search on the story, typed | gzip | raw |');
    say('| --- | ---: | ---: |');
    for (const question of FIRST_SEARCHES) {
      const typed = await measureFirstSearch(browser, ours.origin, question);
      say(`| “${question}” | ${kb(typed.gzip)} | ${kb(typed.raw)} |`);
    }
    const { answered, asked, missed: unanswered } = await answeredQuestions(browser, `${ours.origin}/search/`);
    say(`\n${answered} of ${asked} reader questions answered in the top 3${unanswered.length > 0 ? ` (missed: ${unanswered.join('; ')})` : ''}.`);
  });
} finally {
  ours.stop();
  theirs.server.close();
}

say(`\n## Budgets\n\n${missed.length === 0 ? 'Every budget was met.' : missed.map((m) => `- missed: ${m}`).join('\n')}`);
if (existsSync('BENCHMARKS.md')) {
  const previous = readFileSync('BENCHMARKS.md', 'utf8');
  const notes = previous.indexOf('\n## What made the difference');
  if (notes !== -1) lines.push(previous.slice(notes));
}
writeFileSync('BENCHMARKS.md', `${lines.join('\n')}\n`);
process.exit(missed.length === 0 ? 0 : 1);
