/**
 * The `_headers` file static hosts read (Cloudflare Pages' syntax, which Netlify shares
 * but for `! Name`): a path pattern at the start of a line, then indented `Name: value`
 * lines; `! Name` detaches a header that an earlier matching rule set. Only `/embed/*`
 * may be framed by other sites, so it detaches the site-wide `frame-ancestors 'none'`
 * and `X-Frame-Options: DENY`.
 */

/** One header line of a rule: a header to set, or (`! Name`) one to remove. */
export type HeaderLine = { name: string; value: string } | { detach: string };

/** A path pattern and its header lines, in file order. */
export interface HeaderRule {
  pattern: string;
  lines: HeaderLine[];
}

/** @returns the rules of a `_headers` file, in order */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), lines: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers: header line before any path: ${raw.trim()}`);
    const line = raw.trim();
    const detach = /^!\s*(\S+)$/.exec(line);
    const header = /^([^:\s]+):\s*(.*)$/.exec(line);
    if (detach?.[1]) rule.lines.push({ detach: detach[1] });
    else if (header?.[1] && header[2] !== undefined) rule.lines.push({ name: header[1], value: header[2] });
    else throw new Error(`_headers: not a header line: ${line}`);
  }
  return rules;
}

/** @returns whether a path matches a pattern, where `*` stands for any characters */
export function matchesPattern(pattern: string, path: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/**
 * @returns the headers a host sends for a path: every matching rule applied in order,
 *   a header set twice joined with a comma, `! Name` removing what came before. Names
 *   are lowercased.
 */
export function getHeadersForPath(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const rule of rules.filter((r) => matchesPattern(r.pattern, path))) {
    for (const line of rule.lines) {
      if ('detach' in line) headers.delete(line.detach.toLowerCase());
      else {
        const name = line.name.toLowerCase();
        const before = headers.get(name);
        headers.set(name, before === undefined ? line.value : `${before}, ${line.value}`);
      }
    }
  }
  return headers;
}

/**
 * @param base the site's sub-path, e.g. `/timeline/`
 * @returns the file with each path pattern put under the base, as the host sees paths
 */
export function rebaseHeaders(text: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  return text
    .split('\n')
    .map((line) => (line.startsWith('/') ? `${prefix}${line}` : line))
    .join('\n');
}
