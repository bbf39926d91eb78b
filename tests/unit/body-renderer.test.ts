/**
 * Event bodies rendered in worker threads (a first load: a cold build, a new checkout's
 * `npm run dev`) come out exactly as those rendered in the loader's thread: the same
 * HTML and metadata for the story's bodies and for text chosen to trip them, links to
 * the site's pages under a sub-path included. A processor the threads could not make
 * again, or an entry they cannot be handed, renders in the loader's thread instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AstroConfig, ContentEntryRenderFunction } from 'astro';
import { unified } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyRenderer } from '../../src/build/body-renderer';
import { readBody } from '../../src/lib/front-matter';
import { bodyProcessor } from '../../src/markdown/processor';

type Entry = Parameters<ContentEntryRenderFunction>[0];

const FOLDER = 'content/events';
const STORY = readdirSync(FOLDER).filter((name) => name.endsWith('.md')).map((name) => readBody(readFileSync(`${FOLDER}/${name}`, 'utf8')));
const TRICKY = [
  '"Quoted," he said -- and [the timeline](/) and [an event](/events/a/#statement-x)...',
  '# A heading\n\n## "Another" one\n\n> A quote block with **bold** and a [link](https://example.org/).',
  '| Side | Claim |\n| --- | --- |\n| Iran | 2--3 people |\n\n- one\n- two\n\n1. first',
  '![a picture](./picture.png) and ![remote](https://example.org/x.png)',
  '<b>raw</b> HTML, and https://example.org/autolink www.example.org',
  '',
];
const BODIES = [...STORY, ...TRICKY];

const IMAGE = { domains: ['example.org'], remotePatterns: [] };

/** Astro's config, as far as the renderer reads it. */
function configFor(processor: AstroConfig['markdown']['processor']): AstroConfig {
  return { image: IMAGE, markdown: { processor, syntaxHighlight: false } } as unknown as AstroConfig;
}

/** As Astro's Markdown entry type renders in its own thread, counting its calls. */
async function localRenderer(processor: AstroConfig['markdown']['processor']) {
  const renderer = await processor.createRenderer({ image: IMAGE, syntaxHighlight: false });
  const calls = { count: 0 };
  const render: ContentEntryRenderFunction = async (entry) => {
    calls.count += 1;
    const { code, metadata } = await renderer.render(entry.body ?? '', { frontmatter: entry.data, ...(entry.filePath && { fileURL: pathToFileURL(entry.filePath) }) });
    return { html: code, metadata: { ...metadata, imagePaths: metadata.localImagePaths.concat(metadata.remoteImagePaths) } };
  };
  return { render, calls };
}

/** Enough entries that most go to the threads, each body several times over. */
function entries(count: number): Entry[] {
  return Array.from({ length: count }, (_, i) => ({ id: `entry-${i}`, data: { title: `Entry ${i}` }, body: BODIES[i % BODIES.length] ?? '', filePath: `content/events/entry-${i}.md` }));
}

const renderers: BodyRenderer[] = [];
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((renderer) => renderer.close()));
});

/** @returns a BodyRenderer's render function for `processor`, with the loader's own render it falls back on */
async function startRendering(processor: AstroConfig['markdown']['processor']) {
  const local = await localRenderer(processor);
  const bodies = new BodyRenderer();
  renderers.push(bodies);
  return { render: bodies.wrap(local.render, configFor(processor)), local };
}

/** Renders `count` entries through `render`, and checks each against the loader's own thread. */
async function expectSameAsInThread(processor: AstroConfig['markdown']['processor'], render: ContentEntryRenderFunction, count: number) {
  const expected = await localRenderer(processor);
  const all = entries(count);
  const rendered = await Promise.all(all.map((entry) => render(entry)));
  for (const [i, entry] of all.entries()) expect(rendered[i], entry.id).toEqual(await expected.render(entry));
  return rendered;
}

describe('event bodies rendered in worker threads', () => {
  it('come out as in the loader’s thread, under a sub-path too, once past the first few', async () => {
    const processor = bodyProcessor({ base: '/timeline/' });
    const { render, local } = await startRendering(processor);
    const rendered = await expectSameAsInThread(processor, render, 400);
    expect(rendered.some(({ html }) => html.includes('href="/timeline/events/a/#statement-x"'))).toBe(true);
    // The rest went to the threads: a first load shares the cores.
    expect(local.calls.count).toBeLessThan(100);
  });

  it('render in the loader’s thread when the processor is not bodyProcessor’s', async () => {
    const processor = unified({ smartypants: false });
    const { render, local } = await startRendering(processor);
    await expectSameAsInThread(processor, render, 200);
    expect(local.calls.count).toBe(200);
  });

  it('render an entry no thread can be handed in the loader’s thread', async () => {
    const processor = bodyProcessor({ base: '/' });
    const { render, local } = await startRendering(processor);
    await expectSameAsInThread(processor, render, 100);
    const before = local.calls.count;
    const odd: Entry = { id: 'odd', data: { title: 'Odd', when: () => 'a function' }, body: 'A *body*.', filePath: 'content/events/odd.md' };
    expect((await render(odd)).html).toBe('<p>A <em>body</em>.</p>');
    expect(local.calls.count).toBe(before + 1);
  });
});
