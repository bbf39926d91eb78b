/**
 * What static hosts accept, against what a build produced. The figures are the hosts'
 * published limits (late 2026); a host whose limits a site exceeds refuses the deploy
 * or drops files, so the build says so before anyone uploads.
 */

/** What the build produced. */
export interface SiteSize {
  files: number;
  /** Total bytes. */
  bytes: number;
  largestFile: { path: string; bytes: number };
  /** The folder holding the most files (directly), and how many. */
  fullestFolder: { path: string; files: number };
}

interface HostLimits {
  name: string;
  files?: number;
  fileBytes?: number;
  totalBytes?: number;
  filesPerFolder?: number;
  /** What to do instead when a limit is exceeded. */
  instead: string;
}

const MiB = 1024 * 1024;

export const HOSTS: readonly HostLimits[] = [
  { name: 'Cloudflare Pages', files: 20_000, fileBytes: 25 * MiB, instead: 'use Netlify or Workers static assets (paid)' },
  { name: 'Cloudflare Workers static assets (free)', files: 20_000, fileBytes: 25 * MiB, instead: 'use the paid plan (100,000 files) or Netlify' },
  { name: 'Cloudflare Workers static assets (paid)', files: 100_000, fileBytes: 25 * MiB, instead: 'use Netlify, Vercel or nginx' },
  { name: 'Netlify', filesPerFolder: 54_000, instead: 'use Vercel or nginx' },
  { name: 'GitHub Pages', totalBytes: 1024 * MiB, instead: 'use Netlify, Vercel or nginx' },
];

const count = (n: number) => n.toLocaleString('en-US');

/** @returns bytes in binary units, as the hosts state their limits, e.g. `1.2 MiB` */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * @param size what the build produced
 * @returns one line per host: what does not fit and what to do instead, or that it fits
 */
export function checkHosts(size: SiteSize): { host: string; fits: boolean; line: string }[] {
  return HOSTS.map((host) => {
    const over: string[] = [];
    const within: string[] = [];
    const compare = (value: number, limit: number | undefined, overText: string, withinText: string) => {
      if (limit === undefined) return;
      (value > limit ? over : within).push(value > limit ? overText : withinText);
    };
    compare(size.files, host.files, `${count(size.files)} files > ${count(host.files ?? 0)}`, `${count(size.files)} of ${count(host.files ?? 0)} files`);
    compare(
      size.fullestFolder.files,
      host.filesPerFolder,
      `${count(size.fullestFolder.files)} files in ${size.fullestFolder.path} > ${count(host.filesPerFolder ?? 0)} per folder`,
      `${count(size.fullestFolder.files)} of ${count(host.filesPerFolder ?? 0)} files in one folder`,
    );
    compare(
      size.largestFile.bytes,
      host.fileBytes,
      `${size.largestFile.path} is ${formatBytes(size.largestFile.bytes)} > ${formatBytes(host.fileBytes ?? 0)} per file`,
      `largest file ${formatBytes(size.largestFile.bytes)} of ${formatBytes(host.fileBytes ?? 0)}`,
    );
    compare(size.bytes, host.totalBytes, `${formatBytes(size.bytes)} > ${formatBytes(host.totalBytes ?? 0)} in all`, `${formatBytes(size.bytes)} of ${formatBytes(host.totalBytes ?? 0)}`);
    const fits = over.length === 0;
    return { host: host.name, fits, line: `${host.name}: ${fits ? `fits (${within.join(', ')})` : `${over.join('; ')} — ${host.instead}`}` };
  });
}

/**
 * @param size what the build produced
 * @returns the table the build prints: the site's size, then a line per host
 */
export function formatHostTable(size: SiteSize): string {
  return [
    `${count(size.files)} files, ${formatBytes(size.bytes)}; largest ${size.largestFile.path} (${formatBytes(size.largestFile.bytes)}); ` +
      `most in one folder: ${count(size.fullestFolder.files)} in ${size.fullestFolder.path}`,
    ...checkHosts(size).map(({ line }) => `  ${line}`),
    '  Vercel, nginx: no file-count limit to check',
  ].join('\n');
}

/**
 * @param site the site's public origin
 * @returns whether it is this machine, which no reader can reach
 */
export function isLocalOrigin(site: string): boolean {
  const { hostname } = new URL(site);
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127\./.test(hostname) || hostname === '0.0.0.0';
}
