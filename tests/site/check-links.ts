/**
 * Checks what is shipped in dist/: every internal link, and its fragment, leads to a
 * page and an element that exist; every external link is a well-formed https URL (not
 * fetched); no page carries active content that did not come from us (frames, objects,
 * event-handler attributes, javascript: URLs, scripts inside article text).
 * Usage: node tests/site/check-links.ts [dist] [site origin]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

const dist = process.argv[2] ?? 'dist';
const site = new URL(process.argv[3] ?? process.env['SITE_URL'] ?? 'http://localhost:4321');
const problems: string[] = [];
const counts = { pages: 0, internal: 0, fragments: 0, external: 0 };

const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
const parsed = new Map<string, HTMLElement>();
const load = (file: string) => {
  let root = parsed.get(file);
  if (!root) {
    root = parse(readFileSync(join(dist, file), 'utf8'));
    parsed.set(file, root);
  }
  return root;
};

/** @returns the file in dist/ that serves a path, as a static host would */
function fileFor(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname).replace(/^\//, '');
  for (const candidate of [path, join(path, 'index.html')]) {
    const full = join(dist, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return undefined;
}

for (const file of pages) {
  counts.pages++;
  const root = load(file);
  const pageUrl = new URL(`/${file.replace(/(^|\/)index\.html$/, '$1')}`, site);

  for (const element of root.querySelectorAll('iframe, object, embed, frame, applet')) {
    problems.push(`${file}: <${element.tagName.toLowerCase()}> is not allowed`);
  }
  for (const element of root.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`${file}: event-handler attribute ${name} on <${element.tagName.toLowerCase()}>`);
    }
  }
  // Editors' text lands only in Markdown bodies (.prose) and quotations.
  for (const element of root.querySelectorAll('.prose script, .prose style, .prose link, blockquote script, blockquote style')) {
    problems.push(`${file}: <${element.tagName.toLowerCase()}> inside content: ${element.outerHTML.slice(0, 80)}`);
  }

  const links = root.querySelectorAll('a[href], link[href], script[src], img[src], image[href], form[action]');
  for (const element of links) {
    const raw = element.getAttribute('href') ?? element.getAttribute('src') ?? element.getAttribute('action') ?? '';
    if (/^\s*(javascript|data|vbscript):/i.test(raw)) {
      problems.push(`${file}: ${raw.slice(0, 40)} is not an allowed address`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(raw, pageUrl);
    } catch {
      problems.push(`${file}: "${raw}" is not a valid URL`);
      continue;
    }
    if (url.origin !== site.origin) {
      counts.external++;
      if (url.protocol !== 'https:' && url.protocol !== 'mailto:') problems.push(`${file}: external link ${raw} is not https`);
      continue;
    }
    counts.internal++;
    const target = fileFor(url.pathname);
    if (!target) {
      problems.push(`${file}: links to ${url.pathname}, which does not exist`);
      continue;
    }
    if (url.hash && target.endsWith('.html')) {
      counts.fragments++;
      const id = decodeURIComponent(url.hash.slice(1));
      if (!load(target).querySelector(`[id="${id.replaceAll('"', '\\"')}"]`)) {
        problems.push(`${file}: links to ${url.pathname}${url.hash}, but ${target} has no element with that id`);
      }
    }
  }
}

for (const problem of problems) console.error(problem);
console.log(
  `Links in ${relative(process.cwd(), dist) || dist}: ${counts.pages} pages, ${counts.internal} internal links (${counts.fragments} with fragments), ${counts.external} external: ${problems.length} problems`,
);
process.exit(problems.length === 0 ? 0 : 1);
