import type {} from 'vitest/config';
import { getViteConfig } from 'astro/config';

// Unit tests of src/lib run through Astro's Vite config, so `astro/zod` and
// `import.meta.env` resolve as they do in the build.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
