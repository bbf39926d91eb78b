/**
 * Link-preview images (`/og/site.png`, `/og/events/<slug>.png`, `/og/statements/<id>.png`).
 * A build lists them in `/_preview-images.json` (a route that can read the content), then
 * this integration draws the ones not yet in the cache (in worker threads, a few
 * milliseconds each) and hard-links each cached file into the output (copying where a
 * link is impossible), and removes the list. Writing 25,000 images through Astro's
 * renderer cost a 10,000-event rebuild about 20 s; linking costs under one. `npm run
 * dev` draws each image on request instead.
 *
 * Drawing overlaps the rest of the build (see build/image-handover). It begins in one
 * thread while the content loads, with each event's images as the loader reads it;
 * goes on in one thread from the list, as soon as its route is rendered, while the main
 * thread renders the other pages; and takes every core once they are written. Then the
 * last image is awaited and all are linked. It ends inside Astro's process, before the
 * finishing steps (finish.ts), which run once that process has exited.
 */
import { copyFile, link, mkdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { awaitEvents, awaitImages } from '../build/image-handover';
import { EarlyDrawing, OgDrawing } from '../build/og-image';
import { getEventPreviews, type PreviewImage } from '../lib/previews';
import { site } from '../site';

// Its name sorts first among the routes, and Astro renders routes in that order.
const LIST = '_preview-images.json';
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

/** @returns the integration; list it before the finishing steps, which must not wait for images */
export function previewImages(): AstroIntegration {
  let images: readonly PreviewImage[] | undefined;
  let drawing: OgDrawing | undefined;
  let early = false;
  const loading = new EarlyDrawing();
  const begin = (list: readonly PreviewImage[], threads: number) => {
    loading.stop();
    images = list;
    drawing = new OgDrawing(list.map(({ card }) => card), threads);
  };
  return {
    name: 'timeline:preview-images',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/og/[...path].png', entrypoint: new URL('./routes/preview-image.ts', import.meta.url) });
        else injectRoute({ pattern: `/${LIST}`, entrypoint: new URL('./routes/preview-list.ts', import.meta.url) });
        // Each event's images, drawn while the content loads, on the core it leaves idle.
        if (command === 'build') {
          awaitEvents((slug, data) => {
            try {
              loading.add(getEventPreviews(slug, data, site.title).map(({ card }) => card));
            } catch {
              // An event whose images cannot be laid out now fails in the build's own drawing, which names it.
            }
          });
        }
      },
      'astro:build:start': () => {
        // One thread while the main thread renders pages.
        awaitImages((list) => {
          early = true;
          begin(list, 1);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Every core, now that the pages are written.
        if (drawing) drawing.widen(availableParallelism());
        else begin(JSON.parse(await readFile(join(outDir, LIST), 'utf8')) as PreviewImage[], availableParallelism());
        if (!drawing || !images) throw new Error('the preview images were never listed');
        const folders = new Set(images.map(({ path }) => dirname(join(outDir, 'og', path))));
        await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
        const took = await drawing.done();
        const { files } = drawing;
        for (let start = 0; start < images.length; start += BATCH) {
          await Promise.all(images.slice(start, start + BATCH).map(({ path }, i) => place(files[start + i] ?? '', join(outDir, 'og', `${path}.png`))));
        }
        await rm(join(outDir, LIST));
        const reused = Math.max(0, images.length - drawing.drawn - loading.drawn);
        logger.info(
          `Placed ${images.length} preview images: drew ${loading.drawn} while the content loaded, then ${drawing.drawn} in ${Math.round(took)} ms${early ? ', starting while the pages were rendered' : ''}; reused ${reused} from the cache`,
        );
      },
    },
  };
}
