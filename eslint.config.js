import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.*-staging/', '.*-previous/', '.*-search-pages/', '.test-dist/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/', 'screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  // Served as is to other sites' pages, unbundled.
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
