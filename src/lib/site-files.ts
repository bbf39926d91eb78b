/**
 * The story's JSON files besides its events: `content/site.json` (the story's own
 * words) and `content/redirects.json` (old URL → new URL). Both are checked against a
 * schema, and a mistake is reported like one in an event file: the file, then the field.
 */
import { z } from 'astro/zod';
import { ContentError } from './entry-rules';

// The field named when a mistake is not in one field.
const WHOLE_FILE = '(the whole file)';

export const siteSchema = z.strictObject({
  /** The story's name, shown in the header and in every page title. */
  title: z.string().min(1),
  /** What the story is, in one paragraph; the home page's description. */
  description: z.string().min(1),
  /** The span the timeline covers, for the About page. */
  coverage: z.string().min(1),
  /** A short name for a phone's home screen (the web manifest's `short_name`), about 12 characters. */
  shortName: z.string().trim().min(1).max(30, { error: 'keep it short, about 12 characters: a home screen shows little more' }),
  /**
   * Where to report a security problem with the site, a `mailto:` or `https:` address
   * (RFC 9116's Contact). Without it, no `/.well-known/security.txt` is published.
   */
  contact: z
    .string()
    .refine((value) => /^mailto:[^@\s]+@[^@\s]+$/.test(value) || (URL.canParse(value) && new URL(value).protocol === 'https:'), {
      error: 'write a mailto: address (mailto:security@example.org) or an https:// page',
    })
    .optional(),
});

/** The story's own words about itself. */
export type SiteInfo = z.output<typeof siteSchema>;

/** Old path → new path; both are paths of this site, and no new path is itself redirected. */
export const redirectsSchema = z.record(z.string(), z.string()).superRefine((redirects, context) => {
  for (const [from, to] of Object.entries(redirects)) {
    if (!from.startsWith('/') || !to.startsWith('/')) {
      context.addIssue({ code: 'custom', path: [from], message: 'both the old and the new address must be paths starting with "/"' });
    } else if (to in redirects) {
      context.addIssue({ code: 'custom', path: [from], message: `redirects to "${to}", which is itself redirected; point it at the final address` });
    }
  }
});

/**
 * @param file the file the data came from, for the message
 * @param data what the file holds, parsed
 * @param schema what it must be
 * @returns the data, checked
 * @throws ContentError naming the file and the first field that is wrong
 */
export function parseFileData<T extends z.ZodType>(file: string, data: unknown, schema: T): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const where = (issue: z.core.$ZodIssue) => issue.path.join('.') || WHOLE_FILE;
  const [first, ...more] = result.error.issues;
  const problem = [first?.message ?? 'not the expected shape', ...more.map((issue) => `${where(issue)}: ${issue.message}`)].join('; ');
  throw new ContentError(file, first ? where(first) : WHOLE_FILE, problem, { cause: result.error });
}

/**
 * @param file the file's path, for the message
 * @param text the file's text
 * @returns the file's JSON, checked against the schema
 * @throws ContentError naming the file (and the field) when the text is not JSON or not the right shape
 */
export function parseJsonFile<T extends z.ZodType>(file: string, text: string, schema: T): z.output<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ContentError(file, WHOLE_FILE, `not valid JSON (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  return parseFileData(file, data, schema);
}
