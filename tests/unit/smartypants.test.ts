/**
 * The site's smartypants plugin turns straight quotes, dashes and ellipses into curly
 * ones exactly as Astro's own (remark-smartypants) does, on the story's bodies and on
 * text chosen to trip it: quotes around links, emphasis and code, nested quotes,
 * apostrophes, decades, tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/lib/front-matter';
import { remarkSmartypants } from '../../src/markdown/remark-smartypants';

const TRICKY = [
  '"Quoted," he said. \'Single\' too, and it\'s Pakistan\'s.',
  'He said "we will respond [in kind](/events/a/)" and **"bold"** and *"emphasis"*.',
  'A quote around code: "`strike`" and \'`x`\' then "after".',
  'Dashes -- and three --- and an ellipsis... and spaced . . . dots, and two.. dots.',
  '``Backticks\'\' and `code` and ``more``.',
  'The \'80s, rock \'n\' roll, 5\'10", and "She said \'no\'" -- twice.',
  '*Iran*\'s strike; "**Pakistan**" replied; "[Iraq](/x/)."',
  '# "A heading" -- with dashes...\n\n> "A quote block," it read -- \'mostly\'.',
  '| "Side" | Claim |\n| --- | --- |\n| \'Iran\' | 2--3 people... |',
  '- "One"\n- \'two\'\n- three -- four',
  '"Open only\n\nand a new paragraph" -- then "closed."',
  'No quotes, dashes or dots at all',
];

async function render(source: string, ours: boolean): Promise<string> {
  const processor = await createMarkdownProcessor(ours ? { smartypants: false, remarkPlugins: [remarkSmartypants] } : { smartypants: true });
  return (await processor.render(source)).code;
}

describe('smartypants', () => {
  it('changes text as remark-smartypants does, and changes it', async () => {
    for (const source of TRICKY) expect(await render(source, true), source).toBe(await render(source, false));
    expect(await render(TRICKY[0] ?? '', true)).toContain('“Quoted,” he said. ‘Single’ too, and it’s Pakistan’s.');
    expect(await render(TRICKY[3] ?? '', true)).toContain('Dashes — and three --- and an ellipsis… and spaced … dots');
  });

  it('gives the story’s bodies the same text as remark-smartypants', async () => {
    const folder = new URL('../../content/events/', import.meta.url);
    const files = readdirSync(folder).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const body = readBody(readFileSync(new URL(name, folder), 'utf8'));
      expect(await render(body, true), name).toBe(await render(body, false));
    }
  });
});
