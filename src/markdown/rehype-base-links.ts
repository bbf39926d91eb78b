/**
 * Editors link to pages of the site as `/about/` or `/events/<slug>/`; when the site is
 * deployed under a sub-path (Astro's `base`), those links get the sub-path in front.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** @param options.base Astro's `base`, e.g. `/timeline/` */
export function rehypeBaseLinks({ base }: { base: string }) {
  const prefix = base.replace(/\/$/, '');
  return (tree: Root) => {
    if (!prefix) return;
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) {
        node.properties['href'] = `${prefix}${href}`;
      }
    });
  };
}
