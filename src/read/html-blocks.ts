/**
 * A parsed HTML body → its blocks of text in document order: paragraphs (one per block element or `<br>`-separated
 * line) and data tables. Shared by the HTML reader and the .docx reader (mammoth hands us HTML).
 * Hand-written because no library gives "block texts as a reader sees them" without a layout engine; the DOM
 * itself comes from linkedom.
 */

/** One block: a paragraph's text, or a table's cell texts. */
export type Block = { text: string; table?: undefined } | { text: string; table: string[][] };

// Chrome and invisible content: never official text.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'head', 'title', 'iframe', 'object', 'svg', 'select', 'button']);
// Elements that start and end a block of text.
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ol', 'ul', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'caption', 'tbody',
  'thead', 'tfoot', 'form', 'fieldset', 'hr', 'body', 'html',
]);
// Inside a table cell, any of these means the table is a layout grid holding paragraphs, not data.
const CELL_BLOCK = 'p,div,h1,h2,h3,h4,h5,h6,li,ul,ol,table,br,section,blockquote';

// Characters written without spaces between them: CJK ideographs, kana, Hangul and full-width punctuation.
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;
// HTML whitespace (and the no-break space Word writes for layout) inside a block.
const SPACE_RUN = /[ \t\n\r\f\u00a0]+/gu;
const EDGE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu;

/**
 * Collapses a block's whitespace the way it reads: a run that holds a line break (the HTML source was wrapped)
 * vanishes next to a CJK character, since Chinese is written without spaces; any other run becomes one space.
 * Edges are trimmed, including U+3000 indents.
 * @example collapseBlockSpace('教育\n  工作 2020  年') // '教育工作 2020 年'
 */
export function collapseBlockSpace(raw: string): string {
  return raw
    .replace(SPACE_RUN, (run, offset: number, all: string) => {
      const before = all.slice(0, offset).at(-1) ?? '';
      const after = [...all.slice(offset + run.length)][0] ?? '';
      const cjkSide = CJK.test(before) || CJK.test(after);
      return /[\n\r]/u.test(run) && cjkSide ? '' : ' ';
    })
    .replace(EDGE, '');
}

function tagOf(node: Node): string {
  return node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '';
}

function directRows(table: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
}

function cellsOf(row: Element): Element[] {
  return [...row.children].filter((c) => ['td', 'th'].includes(tagOf(c)));
}

function isHidden(el: Element): boolean {
  return el.hasAttribute('hidden') || /display\s*:\s*none/iu.test(el.getAttribute('style') ?? '');
}

/**
 * Walks an element and returns its blocks in document order. A table becomes one block with rows of cell
 * texts, unless it is a layout table (a single column, or a cell holding paragraphs): then its cells' blocks
 * are read as paragraphs. `dataTables` reads every table as data (a .docx table is one, whatever its cells hold).
 */
export function htmlToBlocks(root: Node, options: { dataTables?: boolean } = {}): Block[] {
  const blocks: Block[] = [];
  let buffer = '';
  const flush = () => {
    const text = collapseBlockSpace(buffer);
    if (text !== '') blocks.push({ text });
    buffer = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType === 9 || node.nodeType === 11) return node.childNodes.forEach(walk); // document, fragment
    if (node.nodeType !== 1) return; // comments, processing instructions
    const el = node as Element;
    const tag = tagOf(el);
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'br') return flush();
    if (tag === 'table') {
      const rows = directRows(el).map(cellsOf);
      const layout = !options.dataTables && (rows.every((r) => r.length <= 1) || rows.some((r) => r.some((c) => c.querySelector(CELL_BLOCK))));
      if (!layout) {
        flush();
        const table = rows.map((r) => r.map((c) => collapseBlockSpace(c.textContent ?? '')));
        blocks.push({ table, text: table.flat().join('') });
        return;
      }
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}
