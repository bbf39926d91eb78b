/**
 * The story's events as the files say, read independently of the site's code, so
 * end-to-end tests compare what a reader sees with what the editors wrote.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';

export interface ContentEvent {
  id: string;
  title: string;
  summary: string;
  when: { date: string };
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** The day it was first published on this site, `YYYY-MM-DD`. */
  published: string;
  statements: { id: string; quote: string; speaker: string; country: string }[];
  sources: { title: string }[];
}

const folder = 'content/events';

/** @returns every published event in `content/events`, in file-name order */
export function readContentEvents(): ContentEvent[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md') && !/(^|\/)_[^/]*$/.test(file))
    .map((file) => {
      const { frontmatter } = parseFrontmatter(readFileSync(join(folder, file), 'utf8'));
      const data = frontmatter as Omit<ContentEvent, 'id' | 'date' | 'when' | 'published'> & { when: { date: string | Date }; published: string | Date };
      const date = data.when.date;
      return {
        id: file.split('/').at(-1)?.replace(/\.md$/, '') ?? file,
        title: data.title,
        summary: data.summary,
        when: { date: date instanceof Date ? date.toISOString().slice(0, 10) : date },
        // js-yaml reads an unquoted date as a Date at UTC midnight; a quoted one stays local.
        date: date instanceof Date ? date.toISOString().slice(0, 10) : date.slice(0, 10),
        published: data.published instanceof Date ? data.published.toISOString().slice(0, 10) : data.published,
        statements: data.statements ?? [],
        sources: data.sources,
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
