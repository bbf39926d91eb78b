/**
 * Which changes the dev server treats as changes to the events (src/build/dev-reload.ts),
 * and which paths Vite's watcher leaves to it (astro.config.mjs): the folder and what
 * lies below it, never a folder beside it whose name starts the same.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInFolder } from '../../src/build/content-files';

const events = join('/', 'story', 'content', 'events');

describe('the events folder', () => {
  it('holds itself, its files and its subfolders', () => {
    expect(isInFolder(events, events)).toBe(true);
    expect(isInFolder(events, join(events, '2024-01-18-pakistan-strikes-iran.md'))).toBe(true);
    expect(isInFolder(events, join(events, '2024-01', 'a.md'))).toBe(true);
  });

  it('does not hold a folder beside it with a longer name, or the folder above', () => {
    expect(isInFolder(events, `${events}-old`)).toBe(false);
    expect(isInFolder(events, join(`${events}-old`, 'a.md'))).toBe(false);
    expect(isInFolder(events, join('/', 'story', 'content'))).toBe(false);
    expect(isInFolder(events, join('/', 'story', 'content', 'redirects.json'))).toBe(false);
  });
});
