/**
 * The oEmbed documents (`/oembed/events/<slug>.json`, `/oembed/statements/<id>.json`)
 * that each event's and statement's page links to. A build lists them all in
 * `/_oembed.json` (a route that can read the content), and this integration writes each
 * file into the output and removes the list. Rendered as pages of a route, the 25,000
 * documents of 10,000 events took a fifth of Astro's page time in a cold build (2.2 ms
 * each, nearly all of it Astro's work per page, for a few hundred bytes); written here,
 * all of them take a few seconds. `npm run dev` serves each on request instead.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeFiles } from '../build/write-files';
import type { SiteFile } from '../story';

const LIST = '_oembed.json';

/** @returns the integration; list it before the finishing steps, which count the output's files */
export function oembedFiles(): AstroIntegration {
  return {
    name: 'timeline:oembed',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/oembed/[...path].json', entrypoint: new URL('./routes/oembed.ts', import.meta.url) });
        else injectRoute({ pattern: `/${LIST}`, entrypoint: new URL('./routes/oembed-list.ts', import.meta.url) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = join(outDir, LIST);
        const files = JSON.parse(await readFile(list, 'utf8')) as SiteFile[];
        await writeFiles(outDir, files);
        await rm(list);
        logger.info(`Wrote ${files.length} oEmbed documents`);
      },
    },
  };
}
