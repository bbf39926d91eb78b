/**
 * The story's own files pass every rule the build enforces. Parsed the way Astro
 * parses them (the same front matter parser), so a failure here is a failure there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { getSlug, inspectMarkdown, isDraft, isSlug } from '../../src/lib/entry-rules';
import { eventSchema } from '../../src/lib/schema';

const folder = 'content/events';
const unsafe = (body: string) => inspectMarkdown(body).problems;
const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
  (file) => file.endsWith('.md') && !isDraft(file),
);

describe('the story’s events', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s passes the schema and has a safe body', (file) => {
    const { frontmatter, content } = parseFrontmatter(readFileSync(join(folder, file), 'utf8'));
    const result = eventSchema.safeParse(frontmatter);
    expect(result.error?.issues ?? []).toEqual([]);
    expect(unsafe(content)).toEqual([]);
    expect(isSlug(getSlug(file))).toBe(true);
  });

  it('use each statement id once across the story', () => {
    const ids = files.flatMap((file) => {
      const { frontmatter } = parseFrontmatter(readFileSync(join(folder, file), 'utf8'));
      return eventSchema.parse(frontmatter).statements.map((s) => s.id);
    });
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('inspectMarkdown', () => {
  it('allows Markdown links to the web, mail and this site', () => {
    expect(unsafe('[a](https://x.org) [b](/about/) [c](#top) [d](../x/) [e](mailto:a@b.org) [f](events/x/)')).toEqual([]);
  });

  it('finds raw HTML, block or inline, with its line', () => {
    expect(unsafe('ok\n\n<iframe src="https://x.org"></iframe>')).toEqual([
      expect.stringMatching(/^line 3: raw HTML is not allowed \(<iframe/),
    ]);
    expect(unsafe('text <object data="x"></object>')).toHaveLength(2);
  });

  it('finds script and data addresses however they are written', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x', 'java&#x09;script:alert(1)']) {
      expect(unsafe(`[x](${url})`), url).toHaveLength(1);
    }
    expect(unsafe('![img](javascript:alert(1))')).toHaveLength(1);
    expect(unsafe('[x][ref]\n\n[ref]: javascript:alert(1)')).toHaveLength(1);
  });
});
