/**
 * In `npm run dev`, how the pages get the content store: soon after a start or an
 * edit, and never older than the store on disk.
 *
 * Astro hands the store to the pages as a module that embeds the whole file as one
 * string: at 10,000 events, 17 MB of JavaScript that Vite parses and the module runner
 * compiles on the first request after every start and every edit, about 1.9 s of the
 * first page (Astro 7.3.5, Vite 8). Here that module reads the same file when it runs
 * instead: a line of code in place of 17 MB. It does so only when Astro's module is
 * that file embedded whole; any other keeps Astro's code.
 *
 * When an edit is loaded (src/build/dev-reload.ts), Astro writes its store and
 * invalidates that module, as a hot update and that module alone. A page request under
 * way at that moment can still leave the pages with the content from before the write:
 * Vite keeps work begun before an invalidation only when it is not a hot update, and
 * Astro's own copy of the store lives in a module that imports the store's. Saving the
 * file again does not help: the store does not change, so nothing is written or
 * invalidated. Seen under load: in the dev-server test, a renamed event's lost URL was
 * never shown in about one run in four. So once the store file has changed on disk,
 * its module is invalidated again, not as a hot update, with every module that imports
 * it, and the open pages reload.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { DevEnvironment, Plugin, RunnableDevEnvironment } from 'vite';

// Astro's virtual module holding the content store in dev, and the file it reads.
export const STORE_MODULE = '\0astro:data-layer-content';
const STORE_FILE = '.astro/data-store.json';
// How Astro's module starts: the file, parsed when the module runs.
const EMBEDDED = 'export default JSON.parse(';

const isRunnable = (environment: DevEnvironment): environment is RunnableDevEnvironment => 'runner' in environment;

/** See the module comment. */
export function freshContentInDev(): AstroIntegration {
  let storeFile = '';
  return {
    name: 'timeline:fresh-content',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        storeFile = fileURLToPath(new URL(STORE_FILE, config.root));
        if (command === 'dev') updateConfig({ vite: { plugins: [readStoreWhenRun(storeFile)] } });
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

/** @returns a Vite plugin that makes Astro's store module read `file` when it runs (see the module comment) */
export function readStoreWhenRun(file: string): Plugin {
  return {
    name: 'timeline:read-store-when-run',
    enforce: 'pre',
    transform: {
      filter: { id: new RegExp(`^${STORE_MODULE}$`) },
      handler(code) {
        if (!existsSync(file) || !embedsWhole(code, file)) return undefined;
        return {
          code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
          map: { mappings: '' },
        };
      },
    },
  };
}

// Enough of each end of the store to tell it from another file: its first entry and its last digests.
const ENDS = 256;

/**
 * @returns whether `code` is Astro's store module embedding `file` as it is now: its
 *   string starts and ends as the file does
 */
function embedsWhole(code: string, file: string): boolean {
  if (!code.startsWith(EMBEDDED) || !code.endsWith(')')) return false;
  const { size } = statSync(file);
  const length = Math.min(ENDS, size);
  const fd = openSync(file, 'r');
  try {
    const read = (position: number) => {
      const bytes = Buffer.alloc(length);
      readSync(fd, bytes, 0, length, position);
      return bytes.toString('utf8');
    };
    // Less a few characters at each cut, which may fall inside one.
    const head = read(0).slice(0, -4);
    const tail = read(size - length).slice(4);
    const literal = code.slice(EMBEDDED.length, -1);
    return literal.startsWith(JSON.stringify(head).slice(0, -1)) && literal.endsWith(JSON.stringify(tail).slice(1));
  } finally {
    closeSync(fd);
  }
}
