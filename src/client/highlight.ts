/**
 * Arriving from a search result (?q=…): marks the query in the official text with the CSS Custom Highlight API,
 * which paints ranges without adding a single element to the text, and scrolls to the first one.
 */
import { findMatches } from '../search/match.ts';
import { h } from './dom.ts';

/** Text nodes of the official text (not our editorial additions), with their offsets in the joined text. */
function officialTextNodes(): { nodes: Text[]; starts: number[]; text: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (const root of document.querySelectorAll('[data-official]')) {
    if (root.parentElement?.closest('[data-official]')) continue;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('[data-editorial]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      starts.push(text.length);
      text += n.nodeValue ?? '';
    }
    // A line break between blocks: matching ignores whitespace, so a query may still span them like the text does.
    text += '\n';
  }
  return { nodes, starts, text };
}

function position(starts: number[], nodes: Text[], offset: number): [Text, number] {
  let i = starts.length - 1;
  while (i > 0 && starts[i]! > offset) i--;
  return [nodes[i]!, Math.min(offset - starts[i]!, nodes[i]!.length)];
}

/** Highlights `query` on the page; returns how many places were marked. */
export function highlightQuery(query: string): number {
  const { nodes, starts, text } = officialTextNodes();
  if (nodes.length === 0) return 0;
  const ranges = findMatches(text, query).map(([s, e]) => {
    const range = document.createRange();
    range.setStart(...position(starts, nodes, s));
    range.setEnd(...position(starts, nodes, e - 1));
    range.setEnd(range.endContainer, range.endOffset + 1);
    return range;
  });
  if (ranges.length === 0) return 0;
  if ('highlights' in CSS) CSS.highlights.set('search', new Highlight(...ranges));
  ranges[0]!.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  const main = document.querySelector('main');
  const clear = new URL(location.href);
  clear.searchParams.delete('q');
  main?.prepend(
    h(
      'p',
      { class: 'search-note', role: 'status' },
      `已标出“${query}”共 ${ranges.length} 处。`,
      h('a', { href: clear.href }, '清除标记'),
    ),
  );
  return ranges.length;
}
