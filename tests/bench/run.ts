/**
 * `npm run bench`: builds generated stories of 100, 1,000, 10,000 and 50,000 events and
 * measures them beside a like-for-like bare Astro skeleton (the same Astro, one page
 * per event and per statement, then `pagefind --site` on its output): cold builds
 * (every cache emptied first) and rebuilds (caches kept), as alternating pairs, with
 * the median and spread of several runs; peak memory; files per event; every
 * template's gzip weight; a filtered search in Chromium; `npm run dev` on 10,000
 * events, beside `astro dev` in the skeleton; Lighthouse. Prints the figures, writes
 * BENCHMARKS.md and exits non-zero when a budget is missed. Not part of `npm test`.
 *
 *   npm run bench                      every size, 3 runs each (1 at 50,000)
 *   npm run bench -- 100 1000          fewer sizes
 *   npm run bench -- --runs 5          more runs
 *
 * Lighthouse (about 130 MB with its tree) is not a dependency, so that no host
 * installs it: the bench scores pages with it when it is installed
 * (`npm install --no-save lighthouse@12`) and says so when it is not.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { startDevServer } from '../support/dev-server.ts';
import { chromiumPath, startPreview } from '../support/preview.ts';
import { answeredQuestions } from '../support/reader-questions.ts';
import { pageWeight, pickTemplatePages } from '../support/page-weight.ts';
import { FIRST_SEARCHES, measureFirstSearch } from './first-search.ts';
import { serveFolder } from '../support/serve.ts';
import { generateEvents } from './generate.ts';

const { values: options, positionals } = parseArgs({ options: { runs: { type: 'string', default: '3' } }, allowPositionals: true });
const sizes = positionals.length > 0 ? positionals.map(Number) : [100, 1000, 10_000, 50_000];
const RUNS = Number(options.runs);
const work = join(tmpdir(), 'timeline-bench');
const KB = 1024;
const GIB = KB ** 3;
const BUDGET = {
  coldSeconds10k: 180,
  rebuildRatio: 2,
  peakMemoryBytes: 2 * GIB,
  growth: 6,
  templateGzip: 30 * KB,
  firstScreenGzip: 14 * KB,
  scriptGzip: 15 * KB,
  // The first filtered search at 10,000 events was 168.8 KB with a copy of the engine per country.
  searchBytes: 170 * KB,
  devSeconds: 10,
  lighthouse: 100,
};
const missed: string[] = [];
const budget = (ok: boolean, what: string) => {
  if (!ok) missed.push(what);
  return ok ? 'within budget' : 'OVER BUDGET';
};

interface Run {
  seconds: number;
  peak: number;
  status: number | null;
  output: string;
}

/** Runs a command, sampling the memory of it and all its children (threads share their process's). */
async function measure(command: string, args: string[], env: Record<string, string> = {}, cwd = process.cwd()): Promise<Run> {
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

/** Runs commands one after another as one measured step: seconds add up, the peak is the highest. */
async function measureAll(steps: [string, string[], Record<string, string>?, string?][]): Promise<Run> {
  const total: Run = { seconds: 0, peak: 0, status: 0, output: '' };
  for (const [command, args, env, cwd] of steps) {
    const run = await measure(command, args, env, cwd);
    total.seconds += run.seconds;
    total.peak = Math.max(total.peak, run.peak);
    total.output += run.output;
    total.status = run.status;
    if (run.status !== 0) break;
  }
  return total;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
/** "61.2 s (59.8–64.0)": the median and spread of several runs' seconds, or one figure for one run */
const medianSeconds = (values: number[]) => {
  const spread = values.length > 1 ? ` (${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)})` : '';
  return `${median(values).toFixed(1)} s${spread}`;
};
const seconds = (runs: Run[]) => medianSeconds(runs.map((run) => run.seconds));
const gib = (bytes: number) => `${(bytes / GIB).toFixed(2)} GiB`;
const peakOf = (runs: Run[]) => Math.max(...runs.map((run) => run.peak));

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
  // Each response's size is asked for when it finishes, and all are awaited before the
  // page closes: a size still being asked for when it closed went uncounted.
  const counted: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    counted.push(request.sizes().then((sizes) => void (bytes += sizes.responseBodySize + sizes.responseHeadersSize)));
  });
  await page.goto(url);
  await page.locator(selector).first().waitFor({ timeout: 60_000 });
  const ms = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle');
  await Promise.all(counted);
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

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

async function lighthouseScores({ lighthouse, launch }: { lighthouse: Lighthouse; launch: LaunchChrome }, url: string) {
  const chromePath = chromiumPath();
  const chrome = await launch({ ...(chromePath ? { chromePath } : {}), chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    return CATEGORIES.map((category) => Math.round((result?.lhr.categories[category]?.score ?? 0) * 100));
  } finally {
    chrome.kill();
  }
}

/** Bytes of the search engine's WebAssembly fetched over the network when a reader moves from one country's search to another's. */
async function engineRefetched(browser: Browser, origin: string, first: string, second: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let counting = false;
  const counted: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    if (!counting || !/\/wasm\.[^/]+\.pagefind$/.test(new URL(request.url()).pathname)) return;
    counted.push(request.sizes().then((sizes) => void (bytes += sizes.responseBodySize)));
  });
  await page.goto(`${origin}${first}`);
  await page.locator('.result').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  counting = true;
  await page.goto(`${origin}${second}`);
  await page.locator('.result').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await Promise.all(counted);
  await context.close();
  return bytes;
}

/**
 * A bare Astro project doing the same work as ours, plainly: the same Astro, one page
 * per event (its Markdown rendered) and one per statement, no layout; then the
 * Pagefind CLI indexes the output, as a site with search would.
 */
function bareSkeleton(events: string, count: number): { root: string; cache: string } {
  const root = join(work, `bare-${count}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages/statements'), { recursive: true });
  symlinkSync(resolve('node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }');
  const cache = join(root, '.cache');
  writeFileSync(join(root, 'astro.config.mjs'), `import { defineConfig } from 'astro/config';\nexport default defineConfig({ cacheDir: ${JSON.stringify(cache)} });\n`);
  writeFileSync(
    join(root, 'src/content.config.ts'),
    // The events folder is the one given, or in dev the copy TIMELINE_CONTENT_DIR names (tests/support/dev-server.ts).
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { events: defineCollection({ loader: glob({ base: process.env.TIMELINE_CONTENT_DIR || ${JSON.stringify(events)}, pattern: '**/*.md' }) }) };\n`,
  );
  // A first page like our timeline's: every event read and ordered, the latest 50 shown.
  writeFileSync(
    join(root, 'src/pages/index.astro'),
    `---\nimport { getCollection } from 'astro:content';\nconst time = (entry) => new Date(entry.data.when?.date ?? 0).getTime();\nconst latest = (await getCollection('events')).sort((a, b) => time(b) - time(a) || a.id.localeCompare(b.id)).slice(0, 50);\n---\n<html lang="en"><head><title>Timeline</title></head><body><h1>Timeline</h1>{latest.map((entry) => <article class="event"><h2><a href={\`/\${entry.id}/\`}>{String(entry.data.title)}</a></h2><p>{String(entry.data.summary)}</p></article>)}</body></html>\n`,
  );
  writeFileSync(
    join(root, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('events')).map((entry) => ({ params: { slug: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><title>{String(entry.data.title)}</title></head><body><h1>{String(entry.data.title)}</h1><p>{String(entry.data.summary)}</p><Content /></body></html>\n`,
  );
  writeFileSync(
    join(root, 'src/pages/statements/[id].astro'),
    `---\nimport { getCollection } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('events')).flatMap((entry) => (entry.data.statements ?? []).map((statement) => ({ params: { id: statement.id }, props: { statement, title: entry.data.title } }))); }\nconst { statement, title } = Astro.props;\n---\n<html lang="en"><head><title>{statement.speaker}</title></head><body><blockquote>{statement.quote}</blockquote><p>{statement.speaker}, {statement.role}, on {title}</p></body></html>\n`,
  );
  return { root, cache };
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
say(`Budgets (from issue 16): a cold build of 10,000 events within ${BUDGET.coldSeconds10k} s; a rebuild within ${BUDGET.rebuildRatio}× the like-for-like skeleton; peak memory within ${gib(BUDGET.peakMemoryBytes)}; 50,000 events within ${BUDGET.growth}× the time of 10,000; every template within ${kb(BUDGET.templateGzip)} gzip; \`npm run dev\` within ${BUDGET.devSeconds} s.`);

const astro = resolve('node_modules/astro/bin/astro.mjs');
// Ours: `npm run build`'s command, Astro's build and then the finishing steps.
const build = resolve('src/cli/build.ts');
const pagefindCli = resolve('node_modules/pagefind/lib/runner/bin.cjs');

/** Empties every cache a build could reuse, as on a fresh clone after `npm ci`. */
function emptyCaches(...folders: string[]): void {
  for (const folder of [...folders, 'node_modules/.cache', 'node_modules/.vite', 'node_modules/.astro', '.astro']) rmSync(folder, { recursive: true, force: true });
}

/** Counts a built site's files by what they are. */
function countFiles(dist: string) {
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((entry) => statSync(join(dist, entry)).isFile());
  const html = files.filter((f) => f.endsWith('.html')).length;
  const png = files.filter((f) => f.endsWith('.png')).length;
  const search = files.filter((f) => f.startsWith('pagefind')).length;
  return { total: files.length, html, png, search, other: files.length - html - png - search };
}

interface Measured {
  count: number;
  dist: string;
  events: string;
  /** The bare skeleton's project folder. */
  bareRoot: string;
  cold: Run[];
  warm: Run[];
  bareCold: Run[];
  bareWarm: Run[];
}

const results: Measured[] = [];
for (const count of sizes) {
  const events = join(work, `events-${count}`);
  const dist = join(work, `dist-${count}`);
  const cache = join(work, `cache-${count}`);
  generateEvents(count, events);
  const bare = bareSkeleton(events, count);
  const ours = () => measure(process.execPath, [build, '--local-preview', '--outDir', dist], { TIMELINE_CONTENT_DIR: events, TIMELINE_CACHE_DIR: cache });
  const skeleton = () =>
    measureAll([
      [process.execPath, [astro, 'build'], {}, bare.root],
      [process.execPath, [pagefindCli, '--site', 'dist', '--silent'], {}, bare.root],
    ]);
  const runs = count >= 50_000 ? 1 : RUNS;
  const result: Measured = { count, dist, events, bareRoot: bare.root, cold: [], warm: [], bareCold: [], bareWarm: [] };
  const check = (run: Run, what: string) => {
    if (run.status !== 0) throw new Error(`${what} of ${count} events failed:\n${run.output.slice(-3000)}`);
    console.log(`  ${count} events, ${what}: ${run.seconds.toFixed(1)} s, ${gib(run.peak)}`);
    return run;
  };
  // Alternating pairs, so that a slow spell of the machine falls on both.
  for (let i = 0; i < runs; i++) {
    emptyCaches(cache, dist);
    result.cold.push(check(await ours(), 'cold build'));
    emptyCaches(bare.cache, join(bare.root, 'dist'), join(bare.root, '.astro'));
    result.bareCold.push(check(await skeleton(), 'cold skeleton'));
  }
  for (let i = 0; i < runs; i++) {
    result.warm.push(check(await ours(), 'rebuild'));
    result.bareWarm.push(check(await skeleton(), 'skeleton rebuild'));
  }
  results.push(result);
}

say('\n## Builds\n');
say(`Cold: every cache emptied first (the cache folder with the preview images and Astro's content store, \`node_modules/.cache\`, \`node_modules/.vite\`, \`.astro\`, the output). Rebuild: the same content again with those caches kept, as a deploy pipeline with a cache step does. Ours and the skeleton run as alternating pairs; each cell is the median of the runs with the spread (fastest–slowest) in brackets, and the highest peak memory over those runs, summed over every process of the build. The skeleton is the same Astro with one page per event and per statement, then \`pagefind --site\` on its output.\n`);
say('| events | pages | cold build (peak memory) | skeleton cold | ours ÷ skeleton | rebuild (peak memory) | skeleton rebuild | ours ÷ skeleton |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { count, dist, cold, warm, bareCold, bareWarm } of results) {
  const pages = countFiles(dist).html;
  const coldRatio = median(cold.map((r) => r.seconds)) / median(bareCold.map((r) => r.seconds));
  const warmRatio = median(warm.map((r) => r.seconds)) / median(bareWarm.map((r) => r.seconds));
  say(`| ${count} | ${pages} | ${seconds(cold)} (${gib(peakOf(cold))}) | ${seconds(bareCold)} | ${coldRatio.toFixed(1)}× | ${seconds(warm)} (${gib(peakOf(warm))}) | ${seconds(bareWarm)} | ${warmRatio.toFixed(1)}× |`);
  if (count === 10_000) {
    const cold10k = median(cold.map((r) => r.seconds));
    budget(cold10k <= BUDGET.coldSeconds10k, `10,000-event cold build ${cold10k.toFixed(1)} s > ${BUDGET.coldSeconds10k} s`);
    budget(warmRatio <= BUDGET.rebuildRatio, `10,000-event rebuild ${warmRatio.toFixed(2)}× the skeleton > ${BUDGET.rebuildRatio}×`);
    const peak = Math.max(peakOf(cold), peakOf(warm));
    budget(peak <= BUDGET.peakMemoryBytes, `10,000-event build peak memory ${gib(peak)} > ${gib(BUDGET.peakMemoryBytes)}`);
  }
}
const at = (count: number) => results.find((r) => r.count === count);
const small = at(10_000);
const big = at(50_000);
if (small && big) {
  const growth = (pick: (m: Measured) => Run[]) => median(pick(big).map((r) => r.seconds)) / median(pick(small).map((r) => r.seconds));
  const cold = growth((m) => m.cold);
  const warm = growth((m) => m.warm);
  say(`\nGrowth from 10,000 to 50,000 events: cold ${cold.toFixed(2)}×, rebuild ${warm.toFixed(2)}× (5× the events; budget ${BUDGET.growth}×: ${budget(cold <= BUDGET.growth && warm <= BUDGET.growth, `time(50k) ÷ time(10k): cold ${cold.toFixed(2)}×, rebuild ${warm.toFixed(2)}× > ${BUDGET.growth}×`)}).`);
}

say('\n## Output\n');
say('| events | files | per event | HTML | PNG | search index files | other | dist/ | search index |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { count, dist } of results) {
  const files = countFiles(dist);
  say(`| ${count} | ${files.total} | ${(files.total / count).toFixed(1)} | ${files.html} | ${files.png} | ${files.search} | ${files.other} | ${(folderSize(dist) / KB ** 2).toFixed(0)} MB | ${(folderSize(join(dist, 'pagefind')) / KB ** 2).toFixed(1)} MB |`);
}

say('\n## Page weight (gzip, each page with its CSS and scripts)\n');
say(`One page of every template, the heaviest of its kind (the richest event and statement, the country with the most pages); budget ${kb(BUDGET.templateGzip)} each.\n`);
const weighed = results.map(({ count, dist }) => ({ count, dist, templates: pickTemplatePages(dist) }));
const names = [...new Set(weighed.flatMap(({ templates }) => templates.map((template) => template.name)))];
say(`| template | ${weighed.map(({ count }) => `${count} events`).join(' | ')} |`);
say(`| --- | ${weighed.map(() => '---:').join(' | ')} |`);
for (const name of names) {
  const cells = weighed.map(({ count, dist, templates }) => {
    const template = templates.find((t) => t.name === name);
    if (!template) return '–';
    const { total } = pageWeight(dist, template.path);
    const ok = total <= BUDGET.templateGzip;
    budget(ok, `${count} events: ${name} (${template.path}) ${kb(total)} gzip > ${kb(BUDGET.templateGzip)}`);
    return ok ? kb(total) : `${kb(total)} (OVER BUDGET)`;
  });
  say(`| ${name} | ${cells.join(' | ')} |`);
}
const firstScreens = weighed.map(({ count, dist }) => {
  const bytes = firstScreenBytes(dist);
  budget(bytes <= BUDGET.firstScreenGzip, `${count} events: the timeline's first screen ${kb(bytes)} > ${kb(BUDGET.firstScreenGzip)}`);
  return kb(bytes);
});
say(`| the timeline's first screen (budget ${kb(BUDGET.firstScreenGzip)}) | ${firstScreens.join(' | ')} |`);
const scripts = weighed.map(({ count, dist, templates }) => {
  const largest = Math.max(...templates.filter((t) => !t.path.startsWith('/search')).map((t) => pageWeight(dist, t.path).largestScript));
  budget(largest <= BUDGET.scriptGzip, `${count} events: a script of ${kb(largest)} gzip loads before search`);
  return kb(largest);
});
say(`| largest script before search (budget ${kb(BUDGET.scriptGzip)}) | ${scripts.join(' | ')} |`);

// Chromium, dev and Lighthouse at 10,000 events (or the largest size below it).
const largest = Math.max(...sizes.filter((size) => size <= 10_000));
const largestDist = at(largest)?.dist ?? '';
say(`\n## In Chromium, ${largest} events\n`);
const { origin, stop } = await startPreview(4340, largestDist);
try {
  const search = await withBrowser((browser) => load(browser, `${origin}/search/?q=border&country=PK`, '.result'));
  say(`Filtered search (\`/search/?q=border&country=PK\`, opened cold): ${kb(search.bytes)} transferred, first results ${search.ms} ms after navigation started (${budget(search.bytes <= BUDGET.searchBytes, `search downloads ${kb(search.bytes)} > ${kb(BUDGET.searchBytes)}`)}).`);
  const refetched = await withBrowser((browser) => engineRefetched(browser, origin, '/search/?q=border&country=PK', '/search/?q=border&country=IR'));
  say(`Then the same words in another country (\`country=IR\`): the search engine's WebAssembly fetched again over the network: ${kb(refetched)} (${budget(refetched === 0, `switching country downloads the search engine again (${kb(refetched)})`)}).`);
  const typed = await withBrowser((browser) => measureFirstSearch(browser, origin, FIRST_SEARCHES[0] ?? 'restraint'));
  say(`First search typed on the search page (“${typed.question}”, the whole index): ${kb(typed.gzip)} gzip, ${kb(typed.raw)} raw.`);
  const scorer = await loadLighthouse();
  if (!scorer) {
    say('\nLighthouse is not installed, so its scores and budget were not measured: `npm install --no-save lighthouse@12`, then run the bench again.');
  } else {
    say('\n| Lighthouse (mobile) | Performance | Accessibility | Best practices | SEO |');
    say('| --- | ---: | ---: | ---: | ---: |');
    const event = readdirSync(join(largestDist, 'events'))[0] ?? '';
    for (const [name, path] of [['timeline', '/'], ['event page', `/events/${event}/`], ['search page', '/search/']] as const) {
      const scores = await lighthouseScores(scorer, `${origin}${path}`);
      budget(scores.every((score) => score >= BUDGET.lighthouse), `Lighthouse ${name}: ${CATEGORIES.map((category, i) => `${category} ${scores[i]}`).join(', ')}`);
      say(`| ${name} | ${scores.join(' | ')} |`);
    }
  }
} finally {
  stop();
}

/** @returns seconds until `url` answers with a page containing `text` */
async function waitForPage(url: string, text: string, since: number): Promise<number> {
  for (;;) {
    const body = await fetch(url)
      .then((response) => (response.ok ? response.text() : ''))
      .catch(() => '');
    if (body.includes(text)) return (performance.now() - since) / 1000;
    if (performance.now() - since > 600_000) throw new Error(`${url} did not show "${text}" within 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `npm run dev` over the events, started twice in one checkout, as an editor does: first
 * with no content store (`.astro/`, where the dev server keeps it), then again with the
 * store the first start left. Each time: seconds to the first page, then to an edited
 * event's new title.
 *
 * @param project this project by default, or the bare skeleton's folder: `astro dev` in it
 */
async function measureDev(events: string, project?: string) {
  let started = performance.now();
  // Generated events have no URL lock.
  const dev = await startDevServer(events, { TIMELINE_URL_LOCK: '' }, project);
  try {
    const file = readdirSync(dev.events, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('.md')) ?? '';
    const slug = file.split(/[\\/]/).at(-1)?.replace(/\.md$/, '') ?? '';
    const path = join(dev.events, file);
    const once = async () => {
      const firstPage = await waitForPage(dev.url, '<article class="event"', started);
      // The skeleton's pages are at glob()'s ids: the file's path in the folder.
      const eventUrl = project ? `${dev.url}${file.replaceAll('\\', '/').replace(/\.md$/, '')}/` : `${dev.url}events/${slug}/`;
      await waitForPage(eventUrl, '<h1', performance.now());
      const title = `Edited at ${Date.now()}`;
      const edited = performance.now();
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^title: .*$/m, `title: "${title}"`));
      return { firstPage, edit: await waitForPage(eventUrl, title, edited) };
    };
    const empty = await once();
    started = performance.now();
    await dev.restart();
    return { empty, kept: await once() };
  } finally {
    await dev.stop();
  }
}

const measured = at(largest);
if (measured) {
  say(`\n## \`npm run dev\` on ${largest} events\n`);
  say(`From starting the dev server until the timeline is served, and from saving an edited title until the event page serves it: first in a new checkout, then started again in the same checkout, with the content store the first start left in \`.astro/\`. Beside it, \`astro dev\` in the bare skeleton over the same events, whose first page also reads and orders every event and shows the latest 50. ${RUNS} runs of each, alternating, each in a new checkout: the median, with the spread (fastest–slowest) in brackets.\n`);
  say('| content store | first page | edited event shown | skeleton: first page | skeleton: edited event shown |');
  say('| --- | ---: | ---: | ---: | ---: |');
  const runs: Awaited<ReturnType<typeof measureDev>>[] = [];
  const bareRuns: Awaited<ReturnType<typeof measureDev>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await measureDev(measured.events));
    bareRuns.push(await measureDev(measured.events, measured.bareRoot));
  }
  for (const [name, store] of [['empty (first start)', 'empty'], ['kept (next start)', 'kept']] as const) {
    const firstPage = runs.map((run) => run[store].firstPage);
    const edit = runs.map((run) => run[store].edit);
    const bareFirstPage = bareRuns.map((run) => run[store].firstPage);
    const bareEdit = bareRuns.map((run) => run[store].edit);
    budget(median(firstPage) <= BUDGET.devSeconds && median(edit) <= BUDGET.devSeconds, `npm run dev, ${name}: first page ${median(firstPage).toFixed(1)} s, edit ${median(edit).toFixed(1)} s (medians) > ${BUDGET.devSeconds} s`);
    say(`| ${name} | ${medianSeconds(firstPage)} | ${medianSeconds(edit)} | ${medianSeconds(bareFirstPage)} | ${medianSeconds(bareEdit)} |`);
  }
}

say('\n## Our timeline against TimelineJS3, the story itself\n');
const storyDist = join(work, 'dist-story');
const story = await measure(process.execPath, [build, '--local-preview', '--outDir', storyDist], { TIMELINE_CONTENT_DIR: 'content/events' });
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
