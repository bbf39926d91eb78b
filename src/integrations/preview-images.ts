/**
 * Link-preview images (`/og/site.png`, `/og/events/<slug>.png`, `/og/statements/<id>.png`).
 * A build lists them in `/og/images.json` (a route that can read the content), then
 * this integration draws the ones not yet in the cache (in worker threads, a few
 * milliseconds each) and hard-links each cached file
 * into the output (copying where a link is impossible), and removes the list. Writing
 * 25,000 images through Astro's renderer cost a 10,000-event rebuild about 20 s; linking
 * costs under one. `npm run dev` draws each image on request instead.
 */
import { copyFile, link, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PreviewImage } from '../story';
import { drawOgImages } from '../build/og-image';

const LIST = 'og/images.json';
// Files linked at once: linking is file-system bound.
const BATCH = 256;

async function place(cached: string, target: string): Promise<void> {
  try {
    await link(cached, target);
  } catch {
    // another file system, or one without hard links
    await copyFile(cached, target);
  }
}

/** @returns the integration; it must run before the staged output is swapped in */
export function previewImages(): AstroIntegration {
  return {
    name: 'timeline:preview-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/og/[...path].png', entrypoint: new URL('./routes/preview-image.ts', import.meta.url) });
        else injectRoute({ pattern: `/${LIST}`, entrypoint: new URL('./routes/preview-list.ts', import.meta.url) });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const list = join(outDir, LIST);
        const images = JSON.parse(await readFile(list, 'utf8')) as PreviewImage[];
        const started = performance.now();
        const folders = new Set(images.map(({ path }) => dirname(join(outDir, 'og', path))));
        await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
        const { files, drawn } = await drawOgImages(images.map(({ card }) => card));
        const drawing = performance.now() - started;
        for (let start = 0; start < images.length; start += BATCH) {
          await Promise.all(images.slice(start, start + BATCH).map(({ path }, i) => place(files[start + i] ?? '', join(outDir, 'og', `${path}.png`))));
        }
        await rm(list);
        const reused = images.length - drawn;
        logger.info(
          `Placed ${images.length} preview images in ${Math.round(performance.now() - started)} ms: drew ${drawn} in ${Math.round(drawing)} ms, reused ${reused} from the cache`,
        );
      },
    },
  };
}
