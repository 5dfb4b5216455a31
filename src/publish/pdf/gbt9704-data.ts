/**
 * OfficialDocument → the data the 公文版's Typst template (templates/gbt9704.typ) sets: blocks in reading order,
 * body text already broken into the 28-character grid's lines (grid-lines.ts). Pure: strings in, JSON-ready
 * data out. Every string stays data: the template shows strings, never reads them as markup.
 */
import type { FontRole } from './fonts.ts';
import { GEOMETRY, textWidth } from './geometry.ts';
import { cellWidth, gridLines, punctuationRuns } from './grid-lines.ts';
import type { Attachment, AttachmentBlock, Colophon, OfficialDocument } from './official-document.ts';

/** One block of the 公文版, as the template reads it. */
export type Gbt9704Block =
  | { kind: 'head'; mark: string | null; markSize: number; number: string | null; signer: string | null }
  | { kind: 'title'; lines: string[]; level: number; before: number; after: number }
  | { kind: 'lines'; role: FontRole; lines: string[][]; first: number; rest: number; heading: number; before: number; label?: string }
  | { kind: 'signature'; names: string[]; date: string; dateLonger: boolean }
  | { kind: 'page-break' }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'colophon'; cc: string | null; others: string[]; printer: string | null; printDate: string | null };

/** The template's input. */
export interface Gbt9704Data {
  title: string;
  subject: string;
  keywords: string[];
  geometry: typeof GEOMETRY;
  /** Per role, the font families to set it in, the role's own face first. */
  fonts: Record<FontRole, string[]>;
  blocks: Gbt9704Block[];
}

/** Fallback order after a role's own face: the other faces of the document. */
const FALLBACK: Record<FontRole, FontRole[]> = {
  fangsong: ['song', 'kai', 'hei'],
  xiaobiaosong: ['song', 'fangsong', 'hei'],
  hei: ['song', 'fangsong'],
  kai: ['fangsong', 'song'],
  song: ['fangsong', 'kai'],
};

/**
 * Width of a half-width character in cells, per role: the Arphic faces set Latin and digits in half an em;
 * WenQuanYi Zen Hei's are proportional, up to 0.82 em, so 黑体 lines reserve that much (a line then ends a little
 * short and is justified, rather than overflowing the grid).
 */
const HALF: Record<FontRole, number> = { fangsong: 0.5, xiaobiaosong: 0.5, hei: 0.82, kai: 0.5, song: 0.5 };

/** The template's data for `doc`; `families` names each role's font as Typst knows it. */
export function gbt9704Data(doc: OfficialDocument, families: Record<FontRole, string>, meta: { subject: string; keywords: string[] }): Gbt9704Data {
  const fonts = Object.fromEntries(
    (Object.keys(FALLBACK) as FontRole[]).map((role) => [role, [...new Set([families[role], ...FALLBACK[role].map((r) => families[r])])]]),
  ) as Record<FontRole, string[]>;
  // A copy without a title (it starts at the 主送机关) is named after its first attachment's title.
  const title = doc.title || doc.attachments[0]?.title.join('') || '';
  return { title, ...meta, geometry: GEOMETRY, fonts, blocks: [...head(doc), ...main(doc), ...doc.attachments.flatMap(attachment), ...colophon(doc.colophon)] };
}

const cells = GEOMETRY.charsPerLine;

/** A paragraph on the grid: the first line `first` cells in, the others `rest`. */
function lines(text: string, opts: { role?: FontRole; first?: number; rest?: number; heading?: number; before?: number; label?: string } = {}): Gbt9704Block {
  const role = opts.role ?? 'fangsong';
  const first = opts.first ?? 2;
  const rest = opts.rest ?? 0;
  return {
    kind: 'lines',
    role,
    // Each line as runs split between adjacent punctuation marks.
    lines: gridLines(text, { cells, first, rest, width: cellWidth(HALF[role]) }).map(punctuationRuns),
    first,
    rest,
    heading: opts.heading ?? 0,
    before: opts.before ?? 0,
    ...(opts.label ? { label: opts.label } : {}),
  };
}

/**
 * 版头: the marks (份号, 密级, 紧急程度) at the top left, 发文机关标志, 发文字号 with 签发人 on its line and the red
 * rule under it. A document whose head is printed in another order (a gazette's title above its 发文字号) keeps
 * that order: its elements one after another, the title among them.
 */
function head(doc: OfficialDocument): Gbt9704Block[] {
  const blocks = (doc.headMarks ?? []).map((m) => lines(m, { first: 0 }));
  const markSize = Math.min(15, 150 / ([...(doc.issuerMark ?? '')].length || 1));
  if (doc.headOrder) {
    for (const e of doc.headOrder) {
      if (e === 'issuer' && doc.issuerMark) blocks.push({ kind: 'head', mark: doc.issuerMark, markSize, number: null, signer: null });
      if (e === 'docNumber' && doc.docNumber) blocks.push(lines(doc.docNumber, { first: 0 }));
      if (e === 'signer' && doc.signer) blocks.push(lines(doc.signer, { first: 0 }));
      if (e === 'title' && doc.title) blocks.push({ kind: 'title', lines: [doc.title], level: 1, before: 1, after: 0 });
    }
    return blocks;
  }
  // The signer shares the number's line; without a number it gets a line of its own.
  const signer = doc.docNumber ? (doc.signer ?? null) : null;
  if (doc.issuerMark || doc.docNumber) blocks.push({ kind: 'head', mark: doc.issuerMark ?? null, markSize, number: doc.docNumber ?? null, signer });
  if (doc.signer && !signer) blocks.push(lines(doc.signer, { first: 0 }));
  return blocks;
}

/** 主体: title (unless the head printed it), 主送机关, 正文, 附件说明, 署名, 成文日期, 附注. */
function main(doc: OfficialDocument): Gbt9704Block[] {
  const blocks: Gbt9704Block[] = doc.title && !doc.headOrder ? [{ kind: 'title', lines: [doc.title], level: 1, before: doc.docNumber ? 2 : 0, after: 0 }] : [];
  if (doc.addressees) blocks.push(lines(doc.addressees, { first: 0, before: 1 }));
  blocks.push(...doc.body.map((p) => lines(p)));
  (doc.attachmentNote ?? []).forEach((line, i) => blocks.push(i === 0 ? lines(line, { first: 2, rest: 5, before: 1 }) : lines(line, { first: 5, rest: 5 })));
  blocks.push(...signature(doc.signatories, doc.date, doc.notes));
  return blocks;
}

/** 署名 and 成文日期 set right (GB/T 9704 7.3.5), then the 附注 below. */
function signature(names: string[], date: string, notes: string[]): Gbt9704Block[] {
  const blocks: Gbt9704Block[] = [];
  if (names.length || date) {
    const widest = Math.max(0, ...names.map(textWidth));
    blocks.push({ kind: 'signature', names, date, dateLonger: textWidth(date) + 2 > widest });
  }
  blocks.push(...notes.map((n) => lines(n)));
  return blocks;
}

/** 附件: a new page, 附件N at the top left in 黑体, the title centred a line below, then its text. */
function attachment(a: Attachment): Gbt9704Block[] {
  const headed = Boolean(a.mark || a.title.length);
  const blocks: Gbt9704Block[] = headed ? [{ kind: 'page-break' }] : [];
  if (a.mark) blocks.push(lines(a.mark, { role: 'hei', first: 0 }));
  if (a.title.length) blocks.push({ kind: 'title', lines: a.title, level: 1, before: 1, after: 1 });
  const levels = headingLevels(a.blocks);
  blocks.push(...a.blocks.flatMap((b) => block(b, levels)));
  return blocks;
}

/** Outline levels for the heading kinds an attachment uses, without gaps, so the PDF's bookmarks nest. */
function headingLevels(blocks: AttachmentBlock[]): Map<string, number> {
  const used = (['heading1', 'heading2', 'heading3'] as const).filter((k) => blocks.some((b) => b.kind === k));
  return new Map(used.map((k, i) => [k, 2 + i]));
}

/** Heading fonts by level (GB/T 9704 7.3.3): 一、 黑体, （一） 楷体, 1. the body font. */
const HEADING_ROLE: Record<string, FontRole> = { heading1: 'hei', heading2: 'kai', heading3: 'fangsong' };

function block(b: AttachmentBlock, levels: Map<string, number>): Gbt9704Block[] {
  if (b.kind === 'table') return [{ kind: 'table', rows: b.rows }];
  if (b.kind === 'signature') return signature(b.names, b.date, b.notes);
  if (b.kind === 'paragraph') return [lines(b.text)];
  return [lines(b.text, { role: HEADING_ROLE[b.kind]!, heading: levels.get(b.kind)! })];
}

/** 版记 at the foot of the last page. */
function colophon(c: Colophon | undefined): Gbt9704Block[] {
  if (!c || !(c.cc || c.printer || c.printDate || c.others?.length)) return [];
  return [{ kind: 'colophon', cc: c.cc ?? null, others: c.others ?? [], printer: c.printer ?? null, printDate: c.printDate ?? null }];
}
