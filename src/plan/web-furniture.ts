/**
 * Web-page furniture in a document's lines: each line read on its own (web-line.ts), then weighed with its
 * neighbours — a lone 来源 line or a bare number next to other page furniture is the page's; a line the title
 * repeats further down the head is the page's headline — and what stays unsure refused at its line. Whole lines
 * only; nothing is cut out of a line. Pure: no I/O.
 */
import { lookOf } from './classify.ts';
import { problem, type Problem } from './problem.ts';
import type { Furniture, SourceLine, WebShape } from './source.ts';
// A 发文字号 may stand between a page's headline and the title; a whole title ends in a 文种 (…工作要点, …的通知).
import { DOC_NUMBER, endsInDocumentKind as isWholeTitle } from './vocabulary.ts';
import { foldForMatching, SENTENCE, webVerdict, type WebVerdict } from './web-line.ts';

export { foldForMatching, webVerdict, type WebVerdict } from './web-line.ts';

/** What the web pass found: lines to drop, lines it decided either way, and the lines it could not settle. */
export interface WebFurnitureScan {
  /** Index in the input → the furniture it was. */
  removed: Map<number, Furniture>;
  /** Indices this pass settled or refused: the page-number pass leaves them alone. */
  claimed: Set<number>;
  problems: Problem[];
}

/** True for web furniture a browser prints at a page's edge (its header and footer): it marks a page boundary. */
export function isPageEdge(f: Furniture): boolean {
  return f.shape === 'print header' || f.shape === 'page address';
}

// A page's headline or site name stands in the first lines of the page, above its breadcrumb.
const MAX_ABOVE_CRUMB = 3;
const BARE_NUMBER = /^\d{1,9}$/u;
// A title is printed on up to three lines.
const MAX_TITLE_LINES = 3;
const squeeze = (t: string) => t.replace(/[\s\u3000]+/gu, '');
// A 发文机关标志 or 版头 line is short: a name, not a sentence.
const MAX_HEAD_LINE = 30;
const endsWithStop = (text: string) => /[。；;]$/u.test(text);

/**
 * Finds web-page furniture among lines (`eligible` says which may be looked at: not tables). A line that could
 * be either is settled by its neighbours where that is safe — a lone 来源 line or a bare number next to other
 * page furniture is the page's; a line above the title that the title repeats is the page's headline — and
 * otherwise refused at that line.
 */
export function scanWebFurniture(lines: readonly SourceLine[], eligible: (i: number) => boolean): WebFurnitureScan {
  const verdicts: WebVerdict[] = lines.map((l, i) => (eligible(i) ? webVerdict(l.text) : { is: 'text' }));
  const isFurniture = (i: number) => verdicts[i]?.is === 'furniture';
  const facts = (i: number) => verdicts[i] !== undefined && verdicts[i]!.is !== 'text' && verdicts[i]!.shape !== 'view count';

  // The head of the document: everything above its first section heading. A page repeats the title there.
  const firstSection = lines.findIndex((l, i) => eligible(i) && lookOf(l.text).kind === 'section');
  const head = firstSection === -1 ? lines.length : firstSection;
  // Neighbours settle what a line alone cannot: a fact next to other page facts, a number next to page furniture.
  for (let changed = true; changed; ) {
    changed = false;
    verdicts.forEach((v, i) => {
      if (!eligible(i)) return;
      const near = (k: number) => isFurniture(k) || (v.is === 'unsure' && v.shape !== 'view count' && facts(k) && k !== i);
      const next = near(i - 1) || near(i + 1);
      if (v.is === 'unsure' && next) {
        verdicts[i] = { is: 'furniture', shape: v.shape };
        changed = true;
      } else if (v.is === 'text' && BARE_NUMBER.test(foldForMatching(lines[i]!.text)) && (isFurniture(i - 1) || isFurniture(i + 1)) && hasWebFacts(verdicts, i)) {
        verdicts[i] = { is: 'furniture', shape: 'view count' };
        changed = true;
      }
    });
  }

  // A document's head, before its first sentence, holds only its 发文机关标志, 发文字号, titles and 主送机关: a lone
  // 来源 or 时间 line there, on a page, is the page's.
  const firstProse = lines.findIndex((l, j) => j < head && verdicts[j]!.is === 'text' && (SENTENCE.test(l.text) || endsWithStop(l.text)));
  if (verdicts.some((v) => v.is === 'furniture')) {
    for (let j = 0; j < (firstProse === -1 ? head : firstProse); j++) {
      const v = verdicts[j]!;
      if (v.is === 'unsure' && v.shape === 'page facts') verdicts[j] = { is: 'furniture', shape: v.shape };
    }
  }
  // Only on a page: a file with no other page furniture that repeats a line keeps both, for the parser to judge.
  const onPage = verdicts.some((v) => v.is === 'furniture');
  const text = (j: number) => verdicts[j]!.is === 'text' && eligible(j);
  // Where the head's lines (not furniture) spell `wanted` from line j on, over up to three lines (a title printed
  // on two lines, which a page's headline shows on one), the index of the last of them; else -1.
  const spells = (j: number, wanted: string): number => {
    let got = '';
    for (let k = j, n = 0; k < head && n < MAX_TITLE_LINES; k++) {
      if (verdicts[k]!.is === 'furniture') continue;
      if (!text(k)) return -1;
      got += squeeze(lines[k]!.text);
      n++;
      if (got === wanted) return k;
      if (!wanted.startsWith(got)) return -1;
    }
    return -1;
  };
  for (let i = 0; i < (onPage ? head : 0); i++) {
    if (!text(i) || endsWithStop(lines[i]!.text)) continue;
    const wanted = squeeze(lines[i]!.text);
    const repeat = lines.findIndex((_, j) => j > i && j < head && spells(j, wanted) !== -1);
    if (repeat === -1) continue;
    // The page's headline repeats the title: right above the page's breadcrumb; or next to the page's furniture
    // with only the document's head lines (发文机关标志, 发文字号: short, no sentence) between it and the title; or,
    // as a whole title (…工作要点, …的通知), first on the page or next to its furniture, repeating a title further
    // down the head. A name repeated as a signatory is no whole title and has the notice's body between.
    const between = lines.map((_, j) => j).filter((j) => j > i && j < repeat && verdicts[j]!.is !== 'furniture');
    const aboveCrumb = verdicts[i + 1]?.is === 'furniture' && (verdicts[i + 1] as { shape: WebShape }).shape === 'breadcrumb';
    const first = !lines.some((_, j) => j < i && text(j));
    const byFurniture = isFurniture(i - 1) || isFurniture(i + 1);
    const headLines = between.every((j) => DOC_NUMBER.test(lines[j]!.text) || (!endsWithStop(lines[j]!.text) && !SENTENCE.test(lines[j]!.text) && [...lines[j]!.text].length <= MAX_HEAD_LINE));
    const wholeTitle = isWholeTitle(lines[i]!.text) && !SENTENCE.test(lines[i]!.text);
    if (aboveCrumb || (headLines && (between.length === 0 || byFurniture)) || (wholeTitle && (first || byFurniture))) {
      verdicts[i] = { is: 'furniture', shape: 'page headline' };
    }
  }
  // Two different whole titles (…工作要点, …的通知) on a page before the head's first sentence: a page shows the
  // document's title as its headline, and where the two differ nothing tells which is the document's. Read as the
  // document's, the first would be joined to the title or taken for the 发文机关标志.
  const firstSentence = lines.findIndex((l, j) => j < head && text(j) && (SENTENCE.test(l.text) || endsWithStop(l.text)));
  const titles = lines
    .map((_, j) => j)
    .filter((j) => j < (firstSentence === -1 ? head : firstSentence) && text(j) && isWholeTitle(lines[j]!.text));
  const [a, b] = titles;
  if (onPage && a !== undefined && b !== undefined && squeeze(lines[a]!.text) !== squeeze(lines[b]!.text) && !squeeze(lines[b]!.text).includes(squeeze(lines[a]!.text))) {
    verdicts[a] = { is: 'unsure', shape: 'page headline', why: `and line ${lines[b]!.line} (“${lines[b]!.text}”) both read as a whole title; a web page shows the document's title as its headline, and these two differ, so one of them may be the page's headline and not the document's title` };
  }
  // A line above the page's breadcrumb, repeated nowhere: the page's headline or site name, or the document's
  // first line; nothing tells which.
  const crumb = verdicts.findIndex((v) => v.is === 'furniture' && v.shape === 'breadcrumb');
  for (let i = 0; i < (crumb <= MAX_ABOVE_CRUMB ? crumb : 0); i++) {
    if (verdicts[i]!.is === 'text' && eligible(i)) {
      verdicts[i] = { is: 'unsure', shape: 'page headline', why: `stands above the page's breadcrumb (line ${lines[crumb]!.line}) and is not repeated below it: it may be the page's headline or the site's name, or the document's own first line` };
    }
  }

  const removed = new Map<number, Furniture>();
  const claimed = new Set<number>();
  const problems: Problem[] = [];
  verdicts.forEach((v, i) => {
    if (v.is === 'text') return;
    const l = lines[i]!;
    claimed.add(i);
    if (v.is === 'furniture') {
      removed.set(i, { kind: 'web-page', shape: v.shape, text: l.text, line: l.line, ...(l.page !== undefined ? { page: l.page } : {}) });
      return;
    }
    problems.push(
      problem(
        l.line,
        l.column,
        'web-furniture-unsure',
        `Line ${l.line} (“${l.text}”) ${v.why}; the reader cannot tell which it is and does not guess. To settle it, give the document as its issuer published it (the .docx or PDF the page links to), which carries no page furniture.`,
      ),
    );
  });
  return { removed, claimed, problems };
}

// A bare number is a view count only on a page that shows page facts or marks (not next to a 目录 or title).
function hasWebFacts(verdicts: readonly WebVerdict[], i: number): boolean {
  return [verdicts[i - 1], verdicts[i + 1]].some((v) => v?.is === 'furniture' && ['page facts', 'document-site marks', 'breadcrumb', 'page headline'].includes(v.shape));
}
