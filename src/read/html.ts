/**
 * HTML → SourceDocument, including Word's "save as web page" files (often GBK with a gb2312 meta) and
 * government sites' pages (the text inside navigation, header and footer chrome).
 */
import { parseHTML } from 'linkedom';
import { problem, type Result } from '../plan/problem.ts';
import type { SourceDocument, SourceLine } from '../plan/source.ts';
import { htmlToBlocks, type Block } from './html-blocks.ts';

// The Chinese legacy labels all decode as GB18030, their superset (WHATWG treats gb2312 and gbk the same way).
const GB_LABELS = new Set(['gb2312', 'gbk', 'gb18030', 'x-gbk', 'gb_2312-80', 'csgb2312', 'cp936', 'euc-cn']);

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined; // an unknown label or bytes that do not fit it
  }
}

// The charset the page declares in its first 1024 bytes (as browsers prescan): <meta charset> or http-equiv.
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m = head.match(/<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu);
  if (!m) return undefined;
  const label = m[1]!.toLowerCase();
  return GB_LABELS.has(label) ? 'gb18030' : label;
}

/** Decodes an HTML file: BOM, then the declared charset, then strict UTF-8, then GB18030. */
export function decodeHtmlBytes(bytes: Uint8Array): { text: string; encoding: string } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const declared = declaredCharset(bytes);
  for (const label of [declared, 'utf-8', 'gb18030']) {
    if (!label) continue;
    const text = tryDecode(bytes, label);
    if (text !== undefined) return { text, encoding: label };
  }
  return undefined;
}

/** Blocks → SourceLines: each block is a paragraph start; its line is its 1-based index. */
export function blocksToLines(blocks: readonly Block[]): SourceLine[] {
  return blocks.map((b, i) => ({ text: b.text, line: i + 1, column: 1, para: 'start' as const, ...(b.table ? { table: b.table } : {}) }));
}

/** Reads an HTML file's visible body text into lines, leaving out scripts, styles, hidden elements and site chrome. */
export function readHtml(bytes: Uint8Array): Result<SourceDocument> {
  const decoded = decodeHtmlBytes(bytes);
  if (!decoded) {
    return {
      ok: false,
      problems: [problem(1, 1, 'unknown-encoding', 'The HTML file is neither in its declared charset, UTF-8 nor GB18030/GBK. Save the page as UTF-8.')],
    };
  }
  const { document } = parseHTML(decoded.text);
  // The whole document is walked (head is skipped there): linkedom puts a fragment without <body> at the top level.
  const lines = blocksToLines(htmlToBlocks(document));
  return { ok: true, value: { format: 'html', encoding: decoded.encoding, lines, removed: [], warnings: [] } };
}
