/**
 * Lines → paragraphs, page furniture out: the step between a format reader and the parser. Lines whose
 * format knew the paragraphs (`para` from .docx, .html, PDF) are only joined; plain-text lines are cleared of
 * page numbers, running headers and a 目录, then unwrapped. Pure: no I/O. Nothing changes a visible character.
 */
import { flattenedLines } from './flattened-text.ts';
import { insertedPinyin } from './inserted-pinyin.ts';
import { scanFurniture } from './furniture.ts';
import { endsSentence, joinPageBreak } from './normalize.ts';
import { isPageEdge, scanWebFurniture } from './web-furniture.ts';
import { problem, type Problem } from './problem.ts';
import type { Furniture, SourceLine } from './source.ts';
import { groupLines, measureLayout, startsBlock, textWidth, type Layout, type PlainLine } from './unwrap.ts';

export type { Layout } from './unwrap.ts';

/** Options of settleParagraphs: `layout` skips detection when the caller knows it (e.g. 28 for GB/T 9704). */
export interface SettleOptions {
  layout?: Layout;
}

/** Paragraphs ready for the parser, what was left out, and what could not be settled. */
export interface SettledParagraphs {
  /** One whole paragraph (or table) each, at the position of its first line. */
  paragraphs: SourceLine[];
  removed: Furniture[];
  /** Located choices the reader made and could not be sure of; the text is still complete. */
  warnings: Problem[];
  /** Located places the reader cannot settle at all; the caller should stop. */
  problems: Problem[];
  layout: Layout;
}

/** Turns source lines into paragraphs and removes page furniture, reporting every uncertain place. */
export function settleParagraphs(lines: readonly SourceLine[], options: SettleOptions = {}): SettledParagraphs {
  const plain = (i: number) => lines[i]!.para === undefined && lines[i]!.table === undefined;
  // Web-page furniture first, in every format (a saved page's body holds it as paragraphs, a copied page as
  // lines); what it settles or refuses, the page-number pass leaves alone (a bare number by the page facts is a
  // view count).
  const web = scanWebFurniture(lines, (i) => lines[i]!.table === undefined);
  const { removed, problems } = scanFurniture(lines, (i) => plain(i) && !web.claimed.has(i));
  for (const [i, f] of web.removed) removed.set(i, f);
  problems.push(...web.problems);
  // Paragraphs run together on one line cannot be told apart by anything below: say so, at the line.
  problems.push(...flattenedLines(lines.filter((_, i) => !removed.has(i))));
  // Pinyin a page put between the characters: the page's additions inside lines, not the document's text.
  problems.push(...insertedPinyin(lines.filter((_, i) => !removed.has(i))));
  // A line the web pass refused is read as neither: the refusal names it, and the parts' readers do not report
  // what would follow from taking it for text.
  const held = (i: number) => web.claimed.has(i) && !removed.has(i);

  // Plain lines that stay, with what lay between each and the plain line before it.
  const kept: PlainLine[] = [];
  const keptAt: number[] = [];
  const webParted = new Set<number>();
  let previous = -1;
  lines.forEach((l, i) => {
    if (!plain(i) || removed.has(i) || held(i)) return;
    const between = Array.from({ length: Math.max(0, i - previous - 1) }, (_, k) => previous + 1 + k);
    // A line of web furniture between two lines parts them like a blank line: nothing joins across it.
    // (A browser's print header or footer marks a page boundary instead, like a page number.)
    const atPageEdge = (j: number) => removed.get(j)?.kind === 'web-page' && isPageEdge(removed.get(j)!);
    const webBetween = between.some((j) => removed.get(j)?.kind === 'web-page' && !atPageEdge(j));
    if (webBetween) webParted.add(kept.length);
    kept.push({
      source: l,
      blankBefore: l.afterBlank === true || webBetween,
      pageBreakBefore:
        (previous >= 0 && (l.page ?? 0) > (lines[previous]!.page ?? 0)) ||
        between.some((j) => ['page-number', 'running-header'].includes(removed.get(j)?.kind ?? '') || atPageEdge(j)),
      hardBreakBefore: between.some((j) => !plain(j) || removed.get(j)?.kind === 'contents' || (removed.get(j)?.kind === 'web-page' && !atPageEdge(j))),
    });
    keptAt.push(i);
    previous = i;
  });
  const layout = options.layout ?? measureLayout(kept);
  // Text with one paragraph per line (the seed's form) is passed on line by line: whether a line cut by a page
  // break continues depends on what the line is (a title or a signature never runs on), which the parts'
  // readers know (normalize.ts: continuesAcrossBreak). Hard-wrapped text is joined here, by width.
  if (layout.hardWrapped) problems.push(...strandedLines(kept));
  const { groups, warnings } = layout.hardWrapped ? groupLines(kept, layout) : { groups: kept.map((_, k) => [k]), warnings: [] };

  // Every output paragraph, keyed by the input index of its first line, so the formats interleave in order.
  // A line that stays alone keeps whether a break (blank line, page boundary, removed furniture) came before it.
  const out: { at: number; lines: SourceLine[] }[] = groups.map((g) => {
    const first = kept[g[0]!]!;
    const broke = g.length === 1 && (first.blankBefore || first.pageBreakBefore) && (!first.hardBreakBefore || webParted.has(g[0]!));
    return { at: keptAt[g[0]!]!, lines: [broke ? { ...first.source, afterBlank: true } : { ...first.source, afterBlank: false }, ...g.slice(1).map((k) => kept[k]!.source)] };
  });
  let open: { at: number; lines: SourceLine[] } | undefined;
  lines.forEach((l, i) => {
    if (removed.has(i) || held(i)) {
      open = undefined; // web furniture inside a saved page: what follows starts anew
    } else if (plain(i)) {
      open = undefined;
    } else if (l.table !== undefined) {
      out.push({ at: i, lines: [l] });
      open = undefined;
    } else if (l.para === 'continue' && open) {
      open.lines.push(l); // the format said so: a wrapped line of the same paragraph
    } else {
      open = { at: i, lines: [l] };
      out.push(open);
    }
  });
  out.sort((a, b) => a.at - b.at);

  return {
    paragraphs: out.map((p) => (p.lines[0]!.table !== undefined ? p.lines[0]! : toParagraph(p.lines))),
    removed: [...removed].sort((a, b) => a[0] - b[0]).map(([, f]) => f),
    warnings,
    problems,
    layout,
  };
}

// The paragraph carries its first line's position, page, whether a blank line came before it, and whether the
// format stated it.
function toParagraph(lines: readonly SourceLine[]): SourceLine {
  const first = lines[0]!;
  const text = lines.slice(1).reduce((acc, l) => joinPageBreak(acc, l.text), first.text);
  return {
    text,
    line: first.line,
    column: first.column,
    ...(first.afterBlank ? { afterBlank: true } : {}),
    // Kept so the parts' readers know the format stated this paragraph (see body.ts addParagraph).
    ...(first.para ? { para: 'start' as const } : {}),
    ...(first.page !== undefined ? { page: first.page } : {}),
    ...(first.indent !== undefined ? { indent: first.indent } : {}),
  };
}

/**
 * pdftotext without -layout sometimes puts the last, short line of a paragraph that starts a page ahead of it
 * (seen: “室” above “责任单位：…办公”). Such a stranded line — a few characters alone at the top of a page,
 * after a finished sentence, not ending one itself, right before a heading or label — cannot be placed with
 * certainty, so it is a problem.
 */
function strandedLines(kept: readonly PlainLine[]): Problem[] {
  const out: Problem[] = [];
  kept.forEach((l, i) => {
    const next = kept[i + 1];
    const text = l.source.text;
    const previous = kept[i - 1];
    // A fragment that continues the line before the page break is ordinary wrapping; one that follows a finished
    // sentence and precedes a heading or label belongs to neither.
    if (!l.pageBreakBefore || !next || !previous || !endsSentence(previous.source.text)) return;
    if (textWidth(text) > 3 || endsSentence(text) || !startsBlock(next.source.text)) return;
    out.push(
      problem(
        l.source.line,
        l.source.column,
        'reading-order-unsure',
        `Line ${l.source.line} (“${text}”) stands alone at the top of page ${l.source.page ?? '?'}, before “${next.source.text.slice(0, 12)}…”. pdftotext without -layout sometimes moves the last line of a paragraph ahead of it, so the reader cannot tell where these characters belong. Give the PDF itself, or text written by pdftotext -layout.`,
      ),
    );
  });
  return out;
}
