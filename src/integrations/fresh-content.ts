/**
 * In `npm run dev`, keeps pages from rendering content older than the content store on
 * disk. When an edit is loaded (src/build/dev-reload.ts), Astro writes its store and
 * invalidates the module that serves it to the pages, as a hot update and that module
 * alone. A page request under way at that moment can still leave the pages with the
 * content from before the write (Astro 7.3.5, Vite 8): Vite keeps work begun before an
 * invalidation only when it is not a hot update, and Astro's own copy of the store
 * lives in a module that imports the store's. Saving the file again does not help: the
 * store does not change, so nothing is written or invalidated. Seen under load: in the
 * dev-server test, a renamed event's lost URL was never shown in about one run in four.
 *
 * So once the store file has changed on disk, its module is invalidated again, not as
 * a hot update, with every module that imports it, and the open pages reload.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { DevEnvironment, RunnableDevEnvironment } from 'vite';

// Astro's virtual module holding the content store in dev, and the file it reads.
const STORE_MODULE = '\0astro:data-layer-content';
const STORE_FILE = '.astro/data-store.json';

const isRunnable = (environment: DevEnvironment): environment is RunnableDevEnvironment => 'runner' in environment;

/** See the module comment. */
export function freshContentInDev(): AstroIntegration {
  let storeFile = '';
  return {
    name: 'timeline:fresh-content',
    hooks: {
      'astro:config:done': ({ config }) => {
        storeFile = fileURLToPath(new URL(STORE_FILE, config.root));
      },
      'astro:server:setup': ({ server }) => {
        const refresh = (path: string) => {
          if (path !== storeFile) return;
          for (const [name, environment] of Object.entries(server.environments)) {
            if (name === 'client') continue;
            const module = environment.moduleGraph.getModuleById(STORE_MODULE);
            if (!module) continue;
            // Not as a hot update: Vite then keeps no work begun before this moment.
            const invalidated = new Set<typeof module>();
            environment.moduleGraph.invalidateModule(module, invalidated);
            if (isRunnable(environment)) {
              // The store's module and every module that imports it, such as Astro's own
              // copy of the store, are evaluated again on the next request.
              for (const { id } of invalidated) {
                const evaluated = id === null ? undefined : environment.runner.evaluatedModules.getModuleById(id);
                if (evaluated) environment.runner.evaluatedModules.invalidateModule(evaluated);
              }
            }
            // Clears Astro's cache of each route's static paths.
            environment.hot.send('astro:content-changed', {});
          }
          server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        server.watcher.on('change', refresh);
        server.watcher.on('add', refresh);
      },
    },
  };
}
