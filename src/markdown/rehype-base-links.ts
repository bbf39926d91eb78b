/**
 * Editors link to pages of the site as `/about/` or `/events/<slug>/`; when the site is
 * deployed under a sub-path (Astro's `base`), those links get the sub-path in front.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { normalizeBase, withBase } from '../lib/base.ts';

/** @param options.base Astro's `base`, e.g. `/timeline/` */
export function rehypeBaseLinks({ base }: { base: string }) {
  return (tree: Root) => {
    if (normalizeBase(base) === '/') return;
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
        node.properties['href'] = withBase(base, href);
      }
    });
  };
}
