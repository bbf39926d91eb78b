/**
 * Preview images are drawn once and kept: a cold build draws every card into a cache of
 * its own, and a second build on the same cache draws only what the cache lacks and
 * ships the very same bytes, redrawn or not. Every event and statement page announces an
 * image that is there and is a whole 1200×630 PNG.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents } from '../bench/generate';
import { buildSite } from '../support/build';
import { decodePng } from '../support/png';

const COUNT = 300;
const work = mkdtempSync(join(tmpdir(), 'timeline-previews-'));
const events = join(work, 'events');
const cache = join(work, 'cache');
generateEvents(COUNT, events);

/** @returns every file under `og/` of a built site, by path, with its bytes */
function readImages(outDir: string): Map<string, Buffer> {
  const og = join(outDir, 'og');
  const files = readdirSync(og, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((file) => [join(file.parentPath, file.name).slice(og.length + 1), readFileSync(join(file.parentPath, file.name))]));
}

/** @returns what the build said it drew (while the content loaded, then from its list) and reused */
function drawnAndReused(output: string): { drawn: number; reused: number } {
  const match = /drew (\d+) while the content loaded, then (\d+) in \d+ ms[^;]*; reused (\d+) from the cache/.exec(output);
  if (!match) throw new Error(`no preview images line in:\n${output}`);
  return { drawn: Number(match[1]) + Number(match[2]), reused: Number(match[3]) };
}

const cold = buildSite(events, { TIMELINE_CACHE_DIR: cache });
const coldImages = readImages(cold.outDir);
// A cache that lost a few images (a host's partial restore, an interrupted build).
const lost = readdirSync(join(cache, 'og')).filter((name) => name.endsWith('.png')).sort().slice(0, 12);
for (const name of lost) rmSync(join(cache, 'og', name));
const warm = buildSite(events, { TIMELINE_CACHE_DIR: cache });

describe(`the preview images of ${COUNT} events`, () => {
  it('are all drawn by a build with an empty cache', () => {
    expect(cold.status, cold.output).toBe(0);
    const { drawn, reused } = drawnAndReused(cold.output);
    expect(drawn).toBeGreaterThan(COUNT);
    // Only cards shown on two pages (e.g. the same withdrawn event) are reused within one build.
    expect(drawn + reused).toBe(coldImages.size);
  });

  it('are reused by the next build on that cache, which draws only the ones it lost', () => {
    expect(warm.status, warm.output).toBe(0);
    expect(drawnAndReused(warm.output).drawn).toBe(lost.length);
  });

  it('are the same files with the same bytes in both builds, redrawn or reused', () => {
    const warmImages = readImages(warm.outDir);
    expect([...warmImages.keys()].sort()).toEqual([...coldImages.keys()].sort());
    const differing = [...coldImages].filter(([path, bytes]) => !warmImages.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it('are announced by every event and statement page, each a whole 1200×630 PNG', () => {
    const pages = ['events', 'statements'].flatMap((folder) => readdirSync(join(warm.outDir, folder)).map((name) => join(warm.outDir, folder, name, 'index.html')));
    expect(pages.length).toBeGreaterThan(COUNT);
    for (const page of pages) {
      const url = /<meta property="og:image" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1] ?? '';
      expect(url, page).toMatch(/\/og\/.+\.png$/);
      const image = decodePng(readFileSync(join(warm.outDir, new URL(url).pathname)));
      expect([image.width, image.height], url).toEqual([1200, 630]);
    }
  });
});
