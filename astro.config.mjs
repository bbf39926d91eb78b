// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { pagefindIndex } from './src/integrations/pagefind';

export default defineConfig({
  // Absolute URLs (canonical links, feeds) are built from this; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // 'jsx' (the default) glues adjacent inline elements together; keep whitespace lossless.
  compressHTML: true,
  integrations: [pagefindIndex()],
  markdown: {
    processor: unified(),
  },
});
