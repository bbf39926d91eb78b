/**
 * Published URLs never break: renaming an entry fails the build until a redirect is
 * declared, and the old address then leads to the new page in a real browser.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';
import { chromiumPath } from '../support/preview';
import { serveFolder } from '../support/serve';

const story = mkdtempSync(join(tmpdir(), 'timeline-story-'));
const events = join(story, 'events');
const lock = join(story, 'published-urls.txt');
const redirects = join(story, 'redirects.json');
cpSync('tests/fixtures/awkward', events, { recursive: true });
const env = { TIMELINE_URL_LOCK: lock, TIMELINE_REDIRECTS: redirects };
const OLD = '/events/2024-01-21-days-later/';
const NEW = '/events/2024-01-21-four-days-later/';

describe('the permalink lock', () => {
  let outDir = '';
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('records every published URL on the first build', () => {
    const first = buildSite(events, env);
    expect(first.status, first.output).toBe(0);
    const published = readFileSync(lock, 'utf8').split('\n');
    expect(published).toContain(OLD);
    expect(published).toContain('/statements/fixture-tehran-quote/');
  });

  it('fails the build when an entry is renamed, naming the lost URL', () => {
    renameSync(join(events, '2024-01-21-days-later.md'), join(events, '2024-01-21-four-days-later.md'));
    const renamed = buildSite(events, env);
    expect(renamed.status).not.toBe(0);
    expect(renamed.output).toContain('published URL(s) would disappear');
    expect(renamed.output).toContain(`  ${OLD}`);
    expect(renamed.output).toContain(redirects);
  });

  it('passes once a redirect is declared, with a page and a _redirects line at the old URL', () => {
    writeFileSync(redirects, JSON.stringify({ [OLD]: NEW }));
    const redirected = buildSite(events, env);
    expect(redirected.status, redirected.output).toBe(0);
    outDir = redirected.outDir;
    const page = readFileSync(join(outDir, OLD, 'index.html'), 'utf8');
    expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${NEW}">`);
    expect(page).toContain(`<link rel="canonical" href="http://localhost:4321${NEW}">`);
    // The event's frame follows it: iframes pasted into other sites keep working.
    expect(readFileSync(join(outDir, '_redirects'), 'utf8')).toBe(`/embed${OLD} /embed${NEW} 301\n${OLD} ${NEW} 301\n`);
    expect(readFileSync(join(outDir, 'embed', OLD, 'index.html'), 'utf8')).toContain(`url=/embed${NEW}`);
    expect(readFileSync(join(outDir, 'sitemap.xml'), 'utf8')).not.toContain('/embed/');
    expect(existsSync(join(outDir, NEW, 'index.html'))).toBe(true);
  });

  it('leads a reader from the old URL to the new page in Chromium', async () => {
    const { server, origin } = await serveFolder(outDir);
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const executablePath = chromiumPath();
    const browser = await chromium.launch(executablePath ? { executablePath } : {});
    closers.push(() => browser.close());
    const page = await browser.newPage();
    await page.goto(`${origin}${OLD}`);
    await page.waitForURL(`${origin}${NEW}`);
    expect(await page.locator('h1').textContent()).toBe('Four days later');
  });
});
