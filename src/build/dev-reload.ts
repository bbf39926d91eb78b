/**
 * In dev, loads the events again whenever a file in their folder is added, edited,
 * renamed or deleted, running every rule again, the ones across entries included
 * (duplicate slugs and statement ids, links between events). A load that fails is
 * recorded for the pages to show (src/lib/load-failure.ts) instead of leaving the last
 * good content in place. In a build there is no watcher and errors fail the build.
 *
 * glob()'s own watcher is not used: it matches changed files against the loader's
 * pattern with picomatch, which reads `[!_]` as "an underscore" rather than "not an
 * underscore", so it reloaded drafts only and never an event
 * (https://github.com/micromatch/picomatch/issues/187); and it would sync the changed
 * file alone, without the rules that span entries.
 */
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { describeLoadFailure, LOAD_FAILURE_ID } from '../lib/load-failure';

// Editors save a rename or a folder move as several events; load once they settle.
const SETTLE_MS = 50;

/**
 * @param base the events folder, relative to the project root or absolute
 * @param loader loads the whole folder and throws on the first broken entry
 * @returns the same loader, watching the folder and loading it again in dev
 */
export function reloadInDev(base: string, loader: Loader): Loader {
  return {
    name: loader.name,
    async load(context) {
      const { watcher, ...withoutWatcher } = context;
      if (!watcher) {
        await loader.load(context);
        return;
      }
      const folder = resolve(fileURLToPath(context.config.root), base);
      await loadRecordingFailure(loader, withoutWatcher, 'Loaded events');

      let timer: ReturnType<typeof setTimeout> | undefined;
      let pending = Promise.resolve();
      const changed: string[] = [];
      const onChange = (path: string) => {
        if (!path.startsWith(folder + sep)) return;
        changed.push(path.slice(folder.length + 1));
        clearTimeout(timer);
        timer = setTimeout(() => {
          const files = changed.splice(0).join(', ');
          // One load at a time: a change during a load is loaded after it.
          pending = pending.then(() => loadRecordingFailure(loader, withoutWatcher, `Reloaded events after a change to ${files}`));
        }, SETTLE_MS);
      };
      // Also outside the project root, when TIMELINE_CONTENT_DIR names another folder.
      watcher.add(folder);
      for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) watcher.on(event, onChange);
    },
  };
}

/**
 * Loads the folder; on failure, logs the error and records it in the store, which
 * makes the dev server reload the open pages and show it.
 */
async function loadRecordingFailure(loader: Loader, context: Omit<LoaderContext, 'watcher'>, done: string): Promise<void> {
  try {
    await loader.load(context);
    if (context.store.has(LOAD_FAILURE_ID)) context.store.delete(LOAD_FAILURE_ID);
    context.logger.info(done);
  } catch (error) {
    const failure = describeLoadFailure(error);
    context.logger.error(failure.message);
    context.store.set({ id: LOAD_FAILURE_ID, data: { ...failure } });
  }
}
