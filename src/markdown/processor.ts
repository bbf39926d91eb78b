/**
 * How event bodies become HTML: Astro's unified pipeline with our plugins. One
 * definition for Astro's config and for the worker threads that render many bodies at
 * once (src/build/body-renderer.ts), which cannot be handed the config's functions and
 * make the same pipeline from plain data instead. Run by plain Node in those threads,
 * so its relative imports name their `.ts`.
 */
import { unified } from '@astrojs/markdown-remark';
import { rehypeBaseLinks } from './rehype-base-links.ts';
import { remarkSmartypants } from './remark-smartypants.ts';

/** What the pipeline is made from: plain data, so that a worker thread can make it too. */
export interface BodyOptions {
  /** Astro's `base`: links to the site's own pages get it in front. */
  base: string;
}

// Marks the options of a processor this module made: Astro's config keeps that object
// as given (the processor itself it copies). Registered, so it holds across Vite's
// copies of this module.
const MADE_FROM = Symbol.for('timeline:body-options');

/**
 * @returns the processor for Astro's `markdown.processor`, marked with what it was made
 *   from (see getBodyOptions)
 */
export function bodyProcessor(options: BodyOptions): ReturnType<typeof unified> {
  // Astro's smartypants, the same text for less work (see the plugin).
  const processor = unified({ smartypants: false, remarkPlugins: [remarkSmartypants], rehypePlugins: [[rehypeBaseLinks, { base: options.base }]] });
  Object.assign(processor.options, { [MADE_FROM]: options });
  return processor;
}

/**
 * @returns what `processor` was made from, when bodyProcessor made it; undefined for
 *   any other, which no worker thread could make again
 */
export function getBodyOptions(processor: unknown): BodyOptions | undefined {
  const made = typeof processor === 'object' && processor !== null ? Reflect.get(processor, 'options') : undefined;
  return typeof made === 'object' && made !== null ? (Reflect.get(made, MADE_FROM) as BodyOptions | undefined) : undefined;
}
