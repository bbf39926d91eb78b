/**
 * Where builds keep what they can reuse: preview images and Astro's content store.
 * Not under node_modules/, which every `npm ci` deletes (and with it every image a
 * host's build drew), but in `.cache/` at the project's root (git-ignored), or the
 * folder `TIMELINE_CACHE_DIR` names, which a CI cache step can keep between runs.
 */
import { resolve } from 'node:path';

/**
 * @param env the environment
 * @returns the absolute path of the cache folder
 */
export function getCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['TIMELINE_CACHE_DIR'] || '.cache');
}
