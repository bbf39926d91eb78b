import { defineConfig } from 'vitest/config';

// Unit tests run under plain Vitest, not Astro's Vite config: what they test imports
// nothing from `astro:*` (src/lib/ is pure; src/build/ reads files but needs no Astro
// runtime), and loading Astro's config cost nine tenths of the run.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
  },
});
