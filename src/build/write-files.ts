/**
 * Writes many files into a folder at once: their folders first, then the files a batch
 * at a time, since writing is file-system bound. Used for the search bundles and the
 * oEmbed documents, tens of thousands of small files at 10,000 events.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Files written at once.
const BATCH = 256;

/** A file to write: its path under the folder, and its content. */
export interface FileToWrite {
  path: string;
  content: string | Uint8Array;
}

export async function writeFiles(folder: string, files: readonly FileToWrite[]): Promise<void> {
  await Promise.all([...new Set(files.map(({ path }) => dirname(join(folder, path))))].map((dir) => mkdir(dir, { recursive: true })));
  for (let start = 0; start < files.length; start += BATCH) {
    await Promise.all(files.slice(start, start + BATCH).map(({ path, content }) => writeFile(join(folder, path), content)));
  }
}
