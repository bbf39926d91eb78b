/**
 * A failed build never replaces the last good site. During `astro build` the site is
 * written to a staging folder beside the output folder; only when every step has
 * succeeded (pages, search index, URL checks: this integration comes after all of
 * them) is it swapped in. A build that fails at any step leaves the previous output as it was.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

/** List it after every step that checks or writes the output. */
export function stagedOutput(): AstroIntegration {
  let target = '';
  let staging = '';
  return {
    name: 'timeline:staged-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/\/$/, '');
        staging = join(dirname(target), `.${basename(target)}-staging`);
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:start': async () => {
        await rm(staging, { recursive: true, force: true });
      },
      'astro:build:done': async ({ logger }) => {
        const previous = `${staging}-previous`;
        await rm(previous, { recursive: true, force: true });
        if (existsSync(target)) await rename(target, previous);
        await rename(staging, target);
        await rm(previous, { recursive: true, force: true });
        logger.info(`Site written to ${target}`);
      },
    },
  };
}
