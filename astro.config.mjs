// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { hostHeaders } from './src/integrations/headers';
import { pagefindIndex } from './src/integrations/pagefind';
import { permalinks } from './src/integrations/permalinks';
import { previewImages } from './src/integrations/preview-images';
import { stagedOutput } from './src/integrations/staging';
import { rehypeBaseLinks } from './src/markdown/rehype-base-links';

const base = process.env.BASE_PATH ?? '/';
// Another events folder (generated or test content) brings its own lock and redirects, or none.
const otherContent = Boolean(process.env.TIMELINE_CONTENT_DIR);
const urls = permalinks({
  // Builds under test name a copy of the lock, so that they never rewrite the committed one.
  lockFile: process.env.TIMELINE_URL_LOCK ?? (otherContent ? undefined : 'content/published-urls.txt'),
  redirectsFile: otherContent ? process.env.TIMELINE_REDIRECTS : 'content/redirects.json',
});

export default defineConfig({
  // Absolute URLs (canonical links, feeds) are built from this; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base,
  trailingSlash: 'always',
  build: { concurrency: 4 },
  // 'jsx' (the default) glues adjacent inline elements together; keep whitespace lossless.
  compressHTML: true,
  // Each step's `astro:build:done` runs in this order, and the first to fail stops the build.
  integrations: [
    // First: fails fast when a published URL is lost, before the slow steps run.
    urls.check,
    pagefindIndex(),
    previewImages(),
    hostHeaders(),
    // Swaps the finished site in only if every step above succeeded.
    stagedOutput(),
    // After the swap: the URL lock lists only what was really published.
    urls.record,
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
  markdown: {
    // No code blocks in news entries; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    processor: unified({ rehypePlugins: [[rehypeBaseLinks, { base }]] }),
  },
});
