/**
 * In dev, loads the events again whenever a file in their folder is added, edited,
 * renamed or deleted, running every rule again, the ones across entries included
 * (duplicate slugs and statement ids, links between events), and checks that no
 * event, statement or country page listed in the URL lock has gone without a
 * redirect. A load that fails is recorded for the pages to show
 * (src/lib/load-failure.ts) instead of leaving the last good content in place. In a
 * build there is no watcher: errors fail the build, and the build checks the lock
 * over every page it wrote (src/integrations/permalinks.ts).
 *
 * glob()'s own watcher is not used: it matches changed files against the loader's
 * pattern with picomatch, which reads `[!_]` as "an underscore" rather than "not an
 * underscore", so it reloaded drafts only and never an event
 * (https://github.com/micromatch/picomatch/issues/187); and it would sync the changed
 * file alone, without the rules that span entries.
 */
import { existsSync, readFileSync, watch } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { readRedirects } from '../integrations/permalinks';
import { describeLoadFailure, LOAD_FAILURE_ID } from '../lib/load-failure';
import { describeLostPaths, findLostContentPaths } from '../lib/lost-urls';
import { isInFolder, type ContentFiles } from './content-files';
import { getStoredEvents } from './loader';

// Editors save a rename or a folder move as several events; load once they settle.
const SETTLE_MS = 50;

type DevContext = Omit<LoaderContext, 'watcher'>;

/**
 * @param files the events folder, the URL lock and the redirects
 * @param loader loads the whole folder and throws on the first broken entry
 * @returns the same loader, watching the folder and loading it again in dev
 */
export function reloadInDev(files: ContentFiles, loader: Loader): Loader {
  return {
    name: loader.name,
    async load(context) {
      const { watcher, ...withoutWatcher } = context;
      if (!watcher) {
        await loader.load(context);
        return;
      }
      const folder = resolve(fileURLToPath(context.config.root), files.events);
      // Read where the build reads them: from the working directory.
      const others = [files.lockFile, files.redirectsFile].flatMap((file) => (file ? [resolve(file)] : []));
      const loadAndCheck = async () => {
        await loader.load(withoutWatcher);
        checkUrlLock(withoutWatcher, files);
      };
      await loadRecordingFailure(withoutWatcher, loadAndCheck, 'Loaded events');

      let timer: ReturnType<typeof setTimeout> | undefined;
      let pending = Promise.resolve();
      const changed: string[] = [];
      const onChange = (path: string) => {
        const inFolder = isInFolder(folder, path);
        if (!inFolder && !others.includes(path)) return;
        changed.push(inFolder && path !== folder ? relative(folder, path) : path);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const what = [...new Set(changed.splice(0))].join(', ');
          // One load at a time: a change during a load is loaded after it.
          pending = pending.then(() => loadRecordingFailure(withoutWatcher, loadAndCheck, `Reloaded events after a change to ${what}`));
        }, SETTLE_MS);
      };
      for (const event of ['add', 'change', 'unlink', 'unlinkDir'] as const) watcher.on(event, onChange);
      // Astro drops the listeners above when it syncs the content again or its server stops.
      const inUse = () => watcher.listeners('change').includes(onChange);
      const unwatched = (error: Error) => context.logger.warn(`${files.events} is not watched (${error.message}): restart npm run dev to see changes`);
      // A folder made after the start is left to Vite's watcher, which then watches it.
      const folderWatched = existsSync(folder) && watchFolder(folder, onChange, inUse, unwatched);
      // Also outside the project root, when TIMELINE_CONTENT_DIR names another folder.
      watcher.add([...(folderWatched ? [] : [folder]), ...others.filter((file) => existsSync(file))]);
    },
  };
}

/**
 * Watches the events folder with the system's own watch of a folder and all below it,
 * not Vite's watcher, which first looks up every file in it one by one: about 0.7 s of
 * each start of `npm run dev` at 10,000 events. astro.config.mjs keeps the folder out
 * of Vite's watcher when it exists at the start. Any change loads the whole folder
 * again, so which file changed and how (added, saved, renamed) matters only to the log.
 *
 * @param inUse whether Astro still uses this loader: the watch stops when it does not
 * @param unwatched told when the folder cannot be watched, or no longer (deleted, say)
 * @returns whether the folder is watched
 */
function watchFolder(folder: string, onChange: (path: string) => void, inUse: () => boolean, unwatched: (error: Error) => void): boolean {
  try {
    const watching = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
      if (inUse()) onChange(name ? join(folder, name) : folder);
      else watching.close();
    });
    watching.on('error', (error) => {
      watching.close();
      if (inUse()) unwatched(error);
    });
    return true;
  } catch (error) {
    unwatched(error instanceof Error ? error : new Error(String(error)));
    return false;
  }
}

/**
 * Runs a load; on failure, logs the error and records it in the store, which makes
 * the dev server reload the open pages and show it.
 */
async function loadRecordingFailure(context: DevContext, load: () => Promise<void>, done: string): Promise<void> {
  try {
    await load();
    if (context.store.has(LOAD_FAILURE_ID)) context.store.delete(LOAD_FAILURE_ID);
    context.logger.info(done);
  } catch (error) {
    const failure = describeLoadFailure(error);
    context.logger.error(failure.message);
    context.store.set({ id: LOAD_FAILURE_ID, data: { ...failure } });
  }
}

/** Fails, as the build would, when an event, statement or country page in the lock is gone. */
function checkUrlLock(context: DevContext, { lockFile, redirectsFile }: ContentFiles): void {
  if (!lockFile || !existsSync(lockFile)) return;
  const published = readFileSync(lockFile, 'utf8').split('\n').filter(Boolean);
  const events = getStoredEvents(context.store);
  const statements = events.flatMap(({ data }) => data.statements);
  const lost = findLostContentPaths(
    published,
    {
      events: events.map(({ id }) => id),
      statements: statements.map(({ id }) => id),
      countries: [...events.flatMap(({ data }) => data.countries), ...statements.map(({ country }) => country)],
    },
    readRedirects(redirectsFile),
  );
  if (lost.length > 0) throw new Error(describeLostPaths(lost, redirectsFile));
}
