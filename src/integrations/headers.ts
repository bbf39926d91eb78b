/**
 * Puts the path patterns of `_headers` (copied from `public/`) under the site's sub-path,
 * so that a site built with BASE_PATH keeps its rules: without it, `/embed/*` would not
 * match `/timeline/embed/…` and the embeds could not be framed.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { normalizeBase } from '../lib/base';
import { rebaseHeaders } from '../lib/headers';

/** List it before the staged output is swapped in. */
export function hostHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'timeline:host-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': async ({ dir }) => {
        const file = join(fileURLToPath(dir), '_headers');
        if (base === '/' || !existsSync(file)) return;
        try {
          await writeFile(file, rebaseHeaders(await readFile(file, 'utf8'), base));
        } catch (error) {
          throw new Error(`could not put ${file} under ${base}`, { cause: error });
        }
      },
    },
  };
}
