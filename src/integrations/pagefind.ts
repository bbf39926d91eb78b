/**
 * Builds the Pagefind search index as part of `astro build`, from the pages just
 * written: only what pages mark with `data-pagefind-body` (events and statements) is
 * indexed. Any indexing error fails the build.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function check(step: string, errors: string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}: ${errors.join('; ')}`);
}

/** @returns the integration; the index is written to `<outDir>/pagefind/` */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'timeline:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
          check('start', errors);
          if (!index) throw new Error('Pagefind could not start');
          const added = await index.addDirectory({ path: outDir });
          check('index the site', added.errors);
          if (added.page_count === 0) throw new Error('Pagefind found no pages to index');
          const output = join(outDir, 'pagefind');
          check('write its files', (await index.writeFiles({ outputPath: output })).errors);
          // The search page has its own interface; Pagefind's prebuilt ones are never loaded.
          const unused = (await readdir(output)).filter((file) => /^pagefind-(.*ui|highlight)\./.test(file));
          await Promise.all(unused.map((file) => rm(join(output, file))));
          logger.info(`Read ${added.page_count} pages into the search index in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          throw new Error('Building the search index failed', { cause: error });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
