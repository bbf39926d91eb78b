/**
 * Loads event files with Astro's glob loader and adds what it does not enforce:
 * permalinks from file names, duplicate slugs and statement ids as errors, errors
 * that name the file, and no raw HTML or script URLs in Markdown bodies.
 */
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';

const SLUG_RE = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An error in one content file; the message starts with the file's path. */
export class ContentError extends Error {
  constructor(file: string, field: string, problem: string, options?: ErrorOptions) {
    super(`${file}: ${field}: ${problem}`, options);
    this.name = 'ContentError';
  }
}

/**
 * @param entry the file's path inside the events folder, e.g. `2024-01/2024-01-18-x.md`
 * @returns the permalink slug: the file name without `.md`
 */
export function getSlug(entry: string): string {
  return posix.basename(entry).replace(/\.md$/, '');
}

// Links an editor may write: web and mail addresses, paths on this site, anchors.
const SAFE_URL_RE = /^(?:https?:|mailto:|\/|#|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/**
 * Finds what must not reach a page from a Markdown body: raw HTML (which Astro
 * passes through unsanitized) and links or images with a scheme such as `javascript:`.
 *
 * @returns one message per problem, with its line
 */
export function findUnsafeMarkdown(body: string): string[] {
  const problems: string[] = [];
  visit(fromMarkdown(body), (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'html') {
      problems.push(`line ${line}: raw HTML is not allowed (${node.value.trim().slice(0, 40)}); write Markdown`);
    } else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !SAFE_URL_RE.test(node.url.trim())) {
      problems.push(`line ${line}: the address "${node.url}" is not an http(s), mailto or site link`);
    }
  });
  return problems;
}

/**
 * @param base the events folder, relative to the project root or absolute
 * @returns a content loader for `*.md` files below it; names starting with `_` are drafts
 */
export function eventsLoader(base: string): Loader {
  return {
    name: 'events-loader',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const rel = (path: string) => posix.relative(root, path) || path;
      const folder = rel(posix.resolve(root, base));
      const fileOf = new Map<string, string>();

      const inner = glob({
        base,
        pattern: '**/[!_]*.md',
        generateId({ entry }) {
          const file = posix.join(folder, entry);
          const slug = getSlug(entry);
          if (!SLUG_RE.test(slug)) {
            throw new ContentError(file, 'file name', 'must be the event\'s date and a few lowercase words, e.g. "2024-01-18-pakistan-strikes-iran.md"');
          }
          const other = fileOf.get(slug);
          if (other !== undefined && other !== file) {
            throw new ContentError(file, 'file name', `slug "${slug}" is already used by ${other}; every event needs its own file name`);
          }
          fileOf.set(slug, file);
          return slug;
        },
      });

      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          const file = props.filePath ? rel(props.filePath) : (fileOf.get(props.id) ?? props.id);
          const detail = error instanceof Error ? error.message.replaceAll('**', '') : String(error);
          throw new ContentError(file, 'front matter', detail, { cause: error });
        }
      };
      await inner.load({ ...context, parseData });

      const statementOwners = new Map<string, string>();
      for (const entry of context.store.values()) {
        const file = entry.filePath ?? entry.id;
        const checkedKey = `checked-body:${entry.id}`;
        if (entry.digest !== undefined && context.meta.get(checkedKey) !== String(entry.digest)) {
          const problems = findUnsafeMarkdown(entry.body ?? '');
          if (problems.length > 0) throw new ContentError(file, 'body', problems.join('; '));
          context.meta.set(checkedKey, String(entry.digest));
        }
        const statements = (entry.data['statements'] ?? []) as { id: string }[];
        statements.forEach((statement, i) => {
          const owner = statementOwners.get(statement.id);
          if (owner !== undefined) {
            throw new ContentError(file, `statements.${i}.id`, `statement id "${statement.id}" is already used in ${owner}`);
          }
          statementOwners.set(statement.id, file);
        });
      }
    },
  };
}
