/**
 * The steps after Astro's pages and preview images: the search index, the files for
 * other hosts, the `_headers` under the sub-path, swapping the finished site in, and
 * the URL lock. `npm run build` (src/cli/build.ts) runs them in a process of their own
 * once Astro's has exited: Pagefind indexing the whole site needs about as much memory
 * as Astro's process holds at its end (each near 1.5 GB at 10,000 events), and the two
 * at once went over 2 GiB. A bare `astro build` runs them itself, at its end.
 *
 * A failed build never replaces the last good site. Astro writes the site to a staging
 * folder beside the output folder; only when every step has succeeded is it swapped
 * in. A build that fails at any step leaves the previous output as it was, and the
 * lock as it was.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { rebaseHeaderFile } from './headers';
import { writeHostFiles } from './hosts';
import { writeSearchIndex } from './pagefind';
import { recordLock, type LockUpdate } from './permalinks';

/** Everything the finishing steps need from Astro's build, as JSON. */
export interface Handover {
  /** The site Astro wrote: the staging folder. */
  staging: string;
  /** Where the finished site goes: the configured output folder. */
  target: string;
  /** The site's sub-path, as configured. */
  base: string;
  /** The redirects file, or none. */
  redirectsFile: string | undefined;
  /** The build is for this machine only: a localhost site is meant. */
  localPreview: boolean;
  /** What this build adds to the URL lock, if anything. */
  lock: LockUpdate | undefined;
}

/** Runs the finishing steps in order; the first to fail stops them, before the swap. */
export async function finishBuild(handover: Handover, log: Pick<AstroIntegrationLogger, 'info' | 'warn'>): Promise<void> {
  const { staging, target } = handover;
  await writeSearchIndex(staging, log);
  await writeHostFiles(staging, handover, log);
  await rebaseHeaderFile(staging, handover.base);
  const previous = `${staging}-previous`;
  await rm(previous, { recursive: true, force: true });
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
  log.info(`Site written to ${target}`);
  await recordLock(handover.lock, log);
}

/**
 * List it last: it stages the output, then either hands the finishing steps over to
 * the build command or runs them itself.
 *
 * @param lockUpdate what the URL check found for the lock (read at the build's end)
 */
export function finishedOutput({ redirectsFile, localPreview, lockUpdate }: Pick<Handover, 'redirectsFile' | 'localPreview'> & { lockUpdate: () => LockUpdate | undefined }): AstroIntegration {
  let target = '';
  let staging = '';
  let base = '/';
  return {
    name: 'timeline:finish',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/\/$/, '');
        staging = join(dirname(target), `.${basename(target)}-staging`);
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:start': async () => {
        await rm(staging, { recursive: true, force: true });
      },
      'astro:build:done': async ({ logger }) => {
        const handover: Handover = { staging, target, base, redirectsFile, localPreview, lock: lockUpdate() };
        // Set by the build command: the file where it awaits the handover.
        const file = process.env['TIMELINE_HANDOVER'];
        if (file) await writeFile(file, JSON.stringify(handover));
        else await finishBuild(handover, logger);
      },
    },
  };
}
