/**
 * Deploying anywhere. Before the build: a production build refuses a localhost
 * `SITE_URL`, which would point every canonical link and preview image at the
 * builder's machine. After it: `nginx.conf` and `vercel.json` for hosts that ignore
 * `_headers` and `_redirects`, made from the same sources, and a table of what the
 * site weighs against each static host's limits.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { parseHeadersFile, toNginxConfig, toVercelConfig } from '../lib/host-config';
import { formatHostTable, isLocalOrigin, type SiteSize } from '../lib/host-limits';
import { readRedirects } from './permalinks';

export interface HostOptions {
  /** The site's sub-path, `/` or e.g. `/timeline/`. */
  base: string;
  /** The redirects file (old path → new path), or none. */
  redirectsFile: string | undefined;
  /** The build is for this machine only (`npm start`, tests): a localhost site is meant. */
  localPreview: boolean;
}

/**
 * @returns the size of every file under the folder, its largest file and fullest folder.
 *   Read synchronously: awaiting 160,000 stat calls one by one took 56 s at 10,000
 *   events, reading them in line takes about one.
 */
function measure(root: string): SiteSize {
  const size: SiteSize = { files: 0, bytes: 0, largestFile: { path: '', bytes: 0 }, fullestFolder: { path: '/', files: 0 } };
  const walk = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true });
    let files = 0;
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const { size: bytes } = statSync(path);
      files += 1;
      size.files += 1;
      size.bytes += bytes;
      if (bytes > size.largestFile.bytes) size.largestFile = { path: `/${relative(root, path)}`, bytes };
    }
    if (files > size.fullestFolder.files) size.fullestFolder = { path: `/${relative(root, folder)}${folder === root ? '' : '/'}`, files };
  };
  walk(root);
  return size;
}

/** @returns the integration that refuses a localhost site outside a local preview */
export function hosts({ localPreview }: Pick<HostOptions, 'localPreview'>): AstroIntegration {
  return {
    name: 'timeline:hosts',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command === 'build' && !localPreview && config.site && isLocalOrigin(config.site)) {
          throw new Error(
            `SITE_URL is ${config.site}: every canonical link, feed and preview image would point at this machine. ` +
              'Set SITE_URL to the public origin (SITE_URL=https://timeline.example.org npm run build), ' +
              'or build with --local-preview (as `npm start` does) to look at the site here.',
          );
        }
      },
    },
  };
}

/**
 * Writes `nginx.conf` and `vercel.json` into a built site and says what it weighs
 * against each host's limits. A finishing step (see finish.ts): after every step that
 * writes to the site, before it is swapped in.
 */
export async function writeHostFiles(outDir: string, { redirectsFile, localPreview, base }: HostOptions, log: Pick<AstroIntegrationLogger, 'info' | 'warn'>): Promise<void> {
  const headersFile = join(outDir, '_headers');
  const host = {
    rules: existsSync(headersFile) ? parseHeadersFile(await readFile(headersFile, 'utf8')) : [],
    redirects: readRedirects(redirectsFile),
    base,
  };
  await writeFile(join(outDir, 'nginx.conf'), toNginxConfig(host));
  await writeFile(join(outDir, 'vercel.json'), `${JSON.stringify(toVercelConfig(host), null, 2)}\n`);
  log.info(`What the site weighs against each static host's limits:\n${formatHostTable(measure(outDir))}`);
  if (!localPreview && !existsSync(join(outDir, '.well-known', 'security.txt'))) {
    log.warn('No /.well-known/security.txt: give content/site.json a "contact" (mailto: or https:) where a flaw in the site can be reported.');
  }
}
