// @ts-check
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { getCacheDir } from './src/build/cache';
import { getContentFiles, isInFolder } from './src/build/content-files';
import { finishedOutput } from './src/integrations/finish';
import { freshContentInDev } from './src/integrations/fresh-content';
import { hosts } from './src/integrations/hosts';
import { oembedFiles } from './src/integrations/oembed';
import { pagefindIndex } from './src/integrations/pagefind';
import { permalinks } from './src/integrations/permalinks';
import { previewImages } from './src/integrations/preview-images';
import { bodyProcessor } from './src/markdown/processor';

const base = process.env.BASE_PATH ?? '/';
const { events, lockFile, redirectsFile } = getContentFiles();
const eventsFolder = resolve(dirname(fileURLToPath(import.meta.url)), events);
const urls = permalinks({ lockFile, redirectsFile });
// `npm run build -- --local-preview` (npm start, the tests): a site at localhost is meant.
const localPreview = process.argv.includes('--local-preview');

export default defineConfig({
  // Absolute URLs (canonical links, feeds) are built from this; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base,
  // Astro's content store, beside the preview images: outside node_modules, which `npm ci` empties.
  cacheDir: join(getCacheDir(), 'astro'),
  trailingSlash: 'always',
  build: { concurrency: 4 },
  // A rebuild copies the pages whose data and code are unchanged (each event's and
  // statement's: see getPageKey in src/story.ts) from the cache folder, rather than
  // rendering them again.
  experimental: { incrementalBuild: true },
  // 'jsx' (the default) glues adjacent inline elements together; keep whitespace lossless.
  compressHTML: true,
  // Each step's `astro:build:done` runs in this order, and the first to fail stops the build.
  integrations: [
    // First: fails fast when a published URL is lost, before the slow steps run.
    urls.check,
    // In dev: pages never keep content older than the store after an edit.
    freshContentInDev(),
    // Preview images draw in other threads while the pages render, and are placed.
    previewImages(),
    // The oEmbed documents, written past Astro's renderer.
    oembedFiles(),
    // Lists each search bundle's pages; the finishing steps index them.
    pagefindIndex(),
    // Refuses a localhost site outside a local preview.
    hosts({ localPreview }),
    // Last: the search index and host files, then the finished site is swapped in and
    // the URL lock written, by `npm run build` once Astro's process has exited (or
    // here, by a bare `astro build`).
    finishedOutput({ redirectsFile, localPreview, lockUpdate: urls.lockUpdate }),
  ],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        // Pagefind fetches its index and runs a worker from this site.
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its search engine from WebAssembly (in its worker, or here
      // where workers are unavailable).
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  vite: {
    // In dev, src/build/dev-reload.ts watches the events folder itself, at less cost
    // than Vite's watcher, which would look up each of its files on every start.
    server: { watch: { ignored: existsSync(eventsFolder) ? [(path) => isInFolder(eventsFolder, path)] : [] } },
  },
  markdown: {
    // No code blocks in news entries; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    // Event bodies: Astro's unified pipeline with our plugins (see src/markdown/processor.ts).
    processor: bodyProcessor({ base }),
  },
});
