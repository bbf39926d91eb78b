/**
 * A build sees only the files of its own content folder as they are now: nothing of an
 * earlier build survives in Astro's content store, whether the folder changed or a
 * file was moved.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build';

const awkward = 'tests/fixtures/awkward';

/** @returns a copy of the awkward fixture in a new temporary folder */
function copyOfAwkward(): string {
  const folder = mkdtempSync(join(tmpdir(), 'timeline-stale-'));
  cpSync(awkward, folder, { recursive: true });
  return folder;
}

describe('a build sees only its own folder', () => {
  it('after building another folder with the same slugs', () => {
    const first = copyOfAwkward();
    expect(buildSite(first).status).toBe(0);
    const second = copyOfAwkward();
    const page = '2024-01-21-days-later.md';
    writeFileSync(join(second, page), readFileSync(join(second, page), 'utf8').replace(/^title: .*$/m, 'title: Only in the second folder'));
    const result = buildSite(second);
    expect(result.status, result.output).toBe(0);
    expect(result.output).not.toContain(basename(first));
    expect(readFileSync(join(result.outDir, 'events/2024-01-21-days-later/index.html'), 'utf8')).toContain('Only in the second folder');
  });

  it('names the file where it is now, when an unchanged file was copied or moved', () => {
    const first = copyOfAwkward();
    expect(buildSite(first).status).toBe(0);
    // The same text in another folder, then moved into a subfolder, and quoted again by
    // a new file: the error must name where the file is now, not where an earlier build
    // read it.
    const second = copyOfAwkward();
    const tehran = '2024-01-16-late-in-tehran.md';
    const again = readFileSync(join(second, tehran), 'utf8').replace(/^title: .*$/m, 'title: Quoted again');
    mkdirSync(join(second, 'moved'));
    renameSync(join(second, tehran), join(second, 'moved', tehran));
    writeFileSync(join(second, '2024-01-25-quoted-again.md'), again);
    const result = buildSite(second);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('statement id "fixture-tehran-quote" is already used in');
    expect(result.output).not.toContain(basename(first));
    expect(result.output).toContain(`${basename(second)}/moved/${tehran}`);
  });
});
