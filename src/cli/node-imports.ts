/**
 * Lets a command run by plain Node load the site's modules. They import their
 * neighbours without `.ts`, as Astro's Vite resolves them; plain Node needs the
 * extension. Import this first, and the site's modules after it with `await import()`:
 * static imports are all resolved before any module runs. Only relative imports from
 * outside node_modules are retried, so packages resolve as usual. JSON they import
 * (the UI strings) is read as JSON, as Vite does, without the attribute Node asks for.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.{1,2}\//.test(specifier) && !/\.[a-z]+$/i.test(specifier) && !context.parentURL?.includes('/node_modules/')) {
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        return nextResolve(`${specifier}/index.ts`, context);
      }
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.endsWith('.json')) return nextLoad(url, { ...context, importAttributes: { type: 'json' } });
    return nextLoad(url, context);
  },
});
