/**
 * Server configs for hosts that ignore `_headers` and `_redirects` (nginx, Vercel),
 * generated from those same two sources, so that a header added to `public/_headers`
 * or a redirect added to `content/redirects.json` reaches every host at once.
 *
 * `_headers` is read as Cloudflare Pages reads it: a path line, then indented
 * `Name: value` lines; every rule whose path matches applies, in file order; a header
 * set twice has its values joined with ", "; `! Name` removes a header set by an
 * earlier rule. Paths are exact, or end in `/*` (everything under that folder).
 */
import { normalizeBase, withBase } from './base';

/** One path rule of a `_headers` file. */
export interface HeaderRule {
  /** `/*`, `/folder/*` or an exact path, as written (without the base path). */
  path: string;
  /** In file order; `value: undefined` is a `! Name` line, which removes the header. */
  headers: { name: string; value: string | undefined }[];
}

/** What a server must send beyond the files themselves. */
export interface HostRules {
  rules: HeaderRule[];
  /** Old path → new path, both without the base path (`content/redirects.json`). */
  redirects: Record<string, string>;
  /** Astro's `base`, e.g. `/` or `/timeline/`. */
  base: string;
}

/**
 * @param text a `_headers` file
 * @returns its rules, in file order
 * @throws Error naming the line, for a line that is neither a path, a header nor a comment,
 *   or a path pattern nginx and Vercel could not express the same way
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `_headers line ${index + 1}`;
    if (!line.trim() || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      if (!/^\/[^*:\s]*(?:\/\*|\*)?$/.test(path) || (path.endsWith('*') && !path.endsWith('/*'))) {
        throw new Error(`${where}: "${path}" is not an exact path or a folder ending in /* (the only patterns nginx and Vercel get the same way)`);
      }
      rules.push({ path, headers: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where}: a header before any path`);
    const detach = /^\s+!\s*([\w-]+)\s*$/.exec(line);
    const header = /^\s+([\w-]+):\s*(.*?)\s*$/.exec(line);
    if (detach?.[1]) rule.headers.push({ name: detach[1], value: undefined });
    else if (header?.[1] && header[2]) rule.headers.push({ name: header[1], value: header[2] });
    else throw new Error(`${where}: expected "Name: value" or "! Name", got "${line.trim()}"`);
  });
  return rules;
}

/** @returns whether the rule applies to every path the pattern `path` stands for */
function covers(rule: string, path: string): boolean {
  if (rule === path) return true;
  return rule.endsWith('/*') && path.startsWith(rule.slice(0, -1));
}

/**
 * @param rules the `_headers` rules
 * @param path one of their paths
 * @returns the headers a response under that path gets, merged as Cloudflare Pages merges them
 */
export function getHeadersFor(rules: readonly HeaderRule[], path: string): [string, string][] {
  const merged = new Map<string, { name: string; value: string }>();
  for (const rule of rules.filter((r) => covers(r.path, path))) {
    for (const { name, value } of rule.headers) {
      const key = name.toLowerCase();
      const before = merged.get(key);
      if (value === undefined) merged.delete(key);
      else merged.set(key, { name: before?.name ?? name, value: before ? `${before.value}, ${value}` : value });
    }
  }
  return [...merged.values()].map(({ name, value }) => [name, value]);
}

/** The distinct paths of the rules, broadest first, always with the whole site (`/*`). */
function getPaths(rules: readonly HeaderRule[]): string[] {
  const paths = new Set(['/*', ...rules.map((rule) => rule.path)]);
  return [...paths].sort((a, b) => a.replace('*', '').length - b.replace('*', '').length || a.localeCompare(b));
}

function nginxString(value: string, where: string): string {
  // nginx has no escape for `$` in a string: it would read a variable.
  if (/[$\r\n]/.test(value)) throw new Error(`${where}: "${value}" holds a character nginx cannot take literally ($ or a line break)`);
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function nginxPath(path: string, where: string): string {
  if (/[\s"'$;{}\\]/.test(path)) throw new Error(`${where}: "${path}" holds a character nginx would misread`);
  return path;
}

// Files in the output that only hosts read; nginx would otherwise serve them.
export const HOST_FILES = ['_headers', '_redirects', 'nginx.conf', 'vercel.json'] as const;

/**
 * @param host the headers, redirects and base path
 * @returns a snippet for an nginx `server` block whose `root` is the built folder:
 *   every header on every response (404 page included), each redirect a real 301 that
 *   keeps the query string, the 404 page, and the host-only files hidden
 */
export function toNginxConfig({ rules, redirects, base }: HostRules): string {
  const lines = [
    '# Generated by `npm run build` from public/_headers and the redirects file: edit those, not this.',
    '# Include it in a server block whose root is this folder, e.g.',
    '#   server { listen 443 ssl; server_name timeline.example.org; root /srv/timeline/dist; include /srv/timeline/dist/nginx.conf; }',
    'index index.html;',
    // Redirects to a folder's slash stay relative, right behind a proxy or on another port.
    'absolute_redirect off;',
    `error_page 404 ${withBase(base, '404.html')};`,
    '',
  ];
  for (const path of getPaths(rules)) {
    const where = `_headers ${path}`;
    const served = withBase(base, path);
    const match = served.endsWith('/*') ? `^~ ${nginxPath(served.slice(0, -1), where)}` : `= ${nginxPath(served, where)}`;
    // An exact match for the whole site's folder would be wrong: `/*` is every path.
    const location = path === '/*' ? (normalizeBase(base) === '/' ? '/' : `^~ ${nginxPath(normalizeBase(base), where)}`) : match;
    lines.push(`location ${location} {`);
    // `always`: the 404 page and redirects carry them too. A location that sets any
    // header inherits none from outside it, so each one lists all of its own.
    for (const [name, value] of getHeadersFor(rules, path)) lines.push(`  add_header ${name} ${nginxString(value, where)} always;`);
    lines.push('  try_files $uri $uri/ =404;', '}');
  }
  for (const [from, to] of Object.entries(redirects)) {
    const where = `redirect ${from}`;
    lines.push(`location = ${nginxPath(withBase(base, from), where)} {`);
    for (const [name, value] of getHeadersFor(rules, from)) lines.push(`  add_header ${name} ${nginxString(value, where)} always;`);
    lines.push(`  return 301 ${nginxPath(withBase(base, to), where)}$is_args$args;`, '}');
  }
  for (const file of HOST_FILES) lines.push(`location = ${withBase(base, file)} { return 404; }`);
  return `${lines.join('\n')}\n`;
}

/** A path of this site as a Vercel `source` (path-to-regexp), with the base path. */
function vercelSource(base: string, path: string): string {
  const served = withBase(base, path);
  return served.endsWith('/*') ? `${served.slice(0, -1)}(.*)` : served;
}

/**
 * @param host the headers, redirects and base path
 * @returns `vercel.json` for deploying the built folder itself (`vercel deploy dist`):
 *   each path's merged headers, with the broader rules kept off the narrower paths (Vercel
 *   would otherwise apply both and could not remove a header), and 301 redirects
 */
export function toVercelConfig({ rules, redirects, base }: HostRules) {
  const paths = getPaths(rules);
  const headers = paths.map((path) => {
    const narrower = paths.filter((other) => other !== path && covers(path, other));
    const prefix = withBase(base, path.replace(/\*$/, ''));
    const exclusions = narrower.map((other) => withBase(base, other).slice(prefix.length).replace(/\*$/, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
    const source =
      narrower.length && path.endsWith('/*')
        ? `${prefix}((?!${exclusions.map((rest) => (rest.endsWith('/') ? rest : `${rest}$`)).join('|')}).*)`
        : vercelSource(base, path);
    return { source, headers: getHeadersFor(rules, path).map(([key, value]) => ({ key, value })) };
  });
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    trailingSlash: true,
    headers,
    // Vercel's `permanent` sends 308; a 301 is what every other host sends.
    redirects: Object.entries(redirects).map(([from, to]) => ({ source: withBase(base, from), destination: withBase(base, to), statusCode: 301 })),
  };
}
