/**
 * Puts the path patterns of `_headers` (copied from `public/`) under the site's sub-path,
 * so that a site built with BASE_PATH keeps its rules: without it, `/embed/*` would not
 * match `/timeline/embed/…` and the embeds could not be framed. A finishing step (see
 * finish.ts), after the host files are made from `_headers` (they add the sub-path
 * themselves).
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeBase } from '../lib/base';
import { rebaseHeaders } from '../lib/headers';

/**
 * @param outDir the built site
 * @param configuredBase the site's sub-path, as configured
 */
export async function rebaseHeaderFile(outDir: string, configuredBase: string): Promise<void> {
  const base = normalizeBase(configuredBase);
  const file = join(outDir, '_headers');
  if (base === '/' || !existsSync(file)) return;
  try {
    await writeFile(file, rebaseHeaders(await readFile(file, 'utf8'), base));
  } catch (error) {
    throw new Error(`could not put ${file} under ${base}`, { cause: error });
  }
}
