/**
 * A rebuild on a kept cache copies the pages whose data and code are unchanged from
 * Astro's incremental cache instead of rendering them, and still makes the very site a
 * build from an empty cache makes: after an edit, the edited event's pages, its
 * neighbours' (which name it) and its statements' are rendered again, and every file
 * of the site has the same bytes as in a fresh build.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents } from '../bench/generate';
import { buildSite } from '../support/build';

const COUNT = 150;
const work = mkdtempSync(join(tmpdir(), 'timeline-rebuild-'));
const events = join(work, 'events');
generateEvents(COUNT, events);

/** @returns every file of a built site, by path, with a hash of its bytes */
function readSite(outDir: string): Map<string, string> {
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((file) => {
    const path = join(file.parentPath, file.name);
    return [path.slice(outDir.length + 1), createHash('sha256').update(readFileSync(path)).digest('hex')];
  }));
}

/**
 * @returns the pages a build rendered rather than copied from its cache, from its log:
 *   Astro logs each page as it starts it, and "(restored)" after a copied one (pages
 *   rendered at once interleave their lines)
 */
function rendered(output: string): string[] {
  const pages = (pattern: RegExp) => [...output.matchAll(pattern)].map((match) => match[1] ?? '');
  const copied = new Set(pages(/├─ (\/\S*?) \((?:restored|cached)\)/g));
  return pages(/├─ (\/\S*?)(?=\d\d:\d\d:\d\d|\s|$)/g).filter((page) => !copied.has(page));
}

const first = buildSite(events, { TIMELINE_CACHE_DIR: join(work, 'cache') });
// An event a little way in, with a statement: retitled, with a new quote in its first
// statement and a new first sentence in its body.
const files = readdirSync(events, { recursive: true }).map(String).filter((name) => name.endsWith('.md')).sort();
const file = files.slice(40).find((name) => /^\s+quote: /m.test(readFileSync(join(events, name), 'utf8'))) ?? '';
const slug = file.replace(/^.*\//, '').replace(/\.md$/, '');
const text = readFileSync(join(events, file), 'utf8');
writeFileSync(
  join(events, file),
  text
    .replace(/^title: .*$/m, 'title: A headline changed after the first build')
    .replace(/^(\s+quote: ).*$/m, '$1"A quote changed after the first build."')
    .replace(/^---\n\n/m, '---\n\nA sentence added after the first build. '),
);
const rebuilt = buildSite(events, { TIMELINE_CACHE_DIR: join(work, 'cache') });
const fresh = buildSite(events, { TIMELINE_CACHE_DIR: join(work, 'empty-cache') });

describe(`a rebuild of ${COUNT} events after one is edited`, () => {
  it('builds, as do the first build and a build from an empty cache', () => {
    expect(first.status, first.output).toBe(0);
    expect(rebuilt.status, rebuilt.output).toBe(0);
    expect(fresh.status, fresh.output).toBe(0);
  });

  it('copies most event and statement pages from the cache, and renders the edited event’s again', () => {
    const again = rendered(rebuilt.output);
    const restored = rebuilt.output.match(/ \(restored\)/g)?.length ?? 0;
    expect(restored).toBeGreaterThan(COUNT);
    expect(again).toEqual(expect.arrayContaining([`/events/${slug}/index.html`, `/embed/events/${slug}/index.html`]));
    // Its neighbours link to it by its title.
    const neighbours = again.filter((page) => /^\/events\/[^/]+\/index\.html$/.test(page) && page !== `/events/${slug}/index.html`);
    expect(neighbours).toHaveLength(2);
    for (const page of neighbours) expect(readFileSync(join(rebuilt.outDir, page), 'utf8')).toContain('A headline changed after the first build');
    expect(again.filter((page) => page.startsWith('/statements/')).length).toBeGreaterThan(0);
    // Everything a fresh build renders, less the copies.
    expect(again.length).toBeLessThan(rendered(fresh.output).length / 2);
  });

  it('makes the same site as a build from an empty cache, file for file and byte for byte', () => {
    const built = readSite(rebuilt.outDir);
    const expected = readSite(fresh.outDir);
    expect([...built.keys()].sort()).toEqual([...expected.keys()].sort());
    const differing = [...expected].filter(([path, hash]) => built.get(path) !== hash).map(([path]) => path);
    expect(differing).toEqual([]);
    const page = readFileSync(join(rebuilt.outDir, 'events', slug, 'index.html'), 'utf8');
    expect(page).toContain('A quote changed after the first build.');
    expect(page).toContain('A sentence added after the first build.');
  });
});
