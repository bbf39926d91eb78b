import { defineConfig } from 'vitest/config';

// Whole-site builds: each test runs `astro build` on its own content, one at a time
// (builds share Astro's content cache and the machine's two cores).
export default defineConfig({
  test: {
    include: ['tests/build/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
