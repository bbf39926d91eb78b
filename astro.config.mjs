// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { pagefindIndex } from './src/integrations/pagefind';
import { permalinks } from './src/integrations/permalinks';

// Another events folder (generated or test content) brings its own lock and redirects, or none.
const otherContent = Boolean(process.env.TIMELINE_CONTENT_DIR);

export default defineConfig({
  // Absolute URLs (canonical links, feeds) are built from this; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // 'jsx' (the default) glues adjacent inline elements together; keep whitespace lossless.
  compressHTML: true,
  integrations: [
    permalinks({
      lockFile: otherContent ? process.env.TIMELINE_URL_LOCK : 'content/published-urls.txt',
      redirectsFile: otherContent ? process.env.TIMELINE_REDIRECTS : 'content/redirects.json',
    }),
    pagefindIndex(),
  ],
  markdown: {
    processor: unified(),
  },
});
