/**
 * Curly quotes, dashes and ellipses in event bodies: the same text as Astro's own
 * `smartypants` (remark-smartypants 3.0.3 with its default options), for less work.
 *
 * remark-smartypants reads a body's text twice with retext: once whole, for quotes (whose
 * direction depends on what is around them, across links and emphasis), then once per
 * text node, for dashes, ellipses and backticks. Each read parses the text into words and
 * punctuation, and the second is the costlier: a body has many text nodes, most with no
 * `--`, `...` or backtick at all. This plugin makes the same two reads, skipping any whose
 * text has nothing it could change; since a retext read gives back its text unchanged
 * when no rule applies, the output is the same, character for character
 * (tests/unit/smartypants.test.ts compares it with remark-smartypants itself). At
 * 10,000 generated events it took 1.7 s against 9.2 s; on the story's bodies (25 files,
 * read 200 times) 2.2 s against 4.6 s.
 *
 * Upstream: the skip belongs in remark-smartypants; until then this stands in for it.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

// The nodes remark-smartypants reads: text (and code, as a placeholder of its length, so
// that quotes around it still pair), and the blocks whose text starts afresh.
const VISITED = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

// What each read could change: straight quotes; then dashes (`--`), ellipses (`...`,
// `. . .`) and backticks (``` `` ```, `''`).
const QUOTES = /["']/;
const DASHES_ELLIPSES_BACKTICKS = /--|\.\s*\.|`|''/;

/** @returns the remark plugin: `unified({ smartypants: false, remarkPlugins: [remarkSmartypants] })` */
export function remarkSmartypants() {
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { quotes: false });
  return (tree: Root) => {
    const nodes: Nodes[] = [];
    let text = '';
    visit(tree, (node: Nodes, _index, parent: Parent | undefined) => {
      if (!parent || !VISITED.has(node.type)) return;
      if (node.type === 'text') text += node.value;
      else if (node.type === 'inlineCode') text += 'A'.repeat(node.value.length);
      // A space before each block, so that a quote opening it reads as opening.
      else text += ' ';
      nodes.push(node);
    });
    if (QUOTES.test(text)) text = quotes.processSync(text).toString();
    let start = 0;
    for (const node of nodes) {
      if (node.type === 'text') {
        const end = start + node.value.length;
        const value = text.slice(start, end);
        node.value = DASHES_ELLIPSES_BACKTICKS.test(value) ? rest.processSync(value).toString() : value;
        start = end;
      } else if (node.type === 'inlineCode') {
        start += node.value.length;
      } else if (BLOCKS.has(node.type)) {
        start += 1;
      }
    }
  };
}
