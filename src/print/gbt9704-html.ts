/**
 * OfficialDocument → one HTML page (inline CSS) that Chromium prints as GB/T 9704-2012 lays a 公文 out:
 * A4, a 156 × 225 mm text block 37 mm from the top and 28 mm from the left edge (single-sided, bound on the
 * left), 22 lines of 28 characters of 3号 (16 pt) 仿宋, page numbers “— 1 —” in 4号 宋体 7 mm under the block on
 * the outer side. Pure: data and font sources in, a string out.
 */
import type { Attachment, AttachmentBlock, Colophon, OfficialDocument } from './official-document.ts';
import type { FontRole } from './fonts.ts';

/** A face for one role: a CSS `src` value (local("…") or url("…")). */
export interface FontFaceSource {
  role: FontRole;
  src: string;
}

/** The CSS custom property holding the space above the 版记 (set by the printer after a first printing). */
export const COLOPHON_GAP_VAR = '--colophon-gap';

/** GB/T 9704's figures, in mm and pt. */
export const GEOMETRY = {
  pageWidth: 210,
  pageHeight: 297,
  top: 37,
  left: 28,
  blockWidth: 156,
  blockHeight: 225,
  lines: 22,
  charsPerLine: 28,
  bodyPt: 16,
  titlePt: 22,
  pageNumberPt: 14,
  /** The page number's top, below the block. */
  pageNumberGap: 7,
} as const;

const MM_PER_PT = 25.4 / 72;
/** Line pitch: 225 mm / 22 ≈ 10.227 mm. */
export const LINE_PITCH_MM = GEOMETRY.blockHeight / GEOMETRY.lines;
/** One character cell: 156 mm / 28 ≈ 5.571 mm (a 16 pt glyph is 5.644 mm, so characters are set 0.073 mm tighter). */
export const CELL_MM = GEOMETRY.blockWidth / GEOMETRY.charsPerLine;

/**
 * Ascent of every face as the layout sees it (ascent-override), so fallback fonts share one baseline. A full em:
 * with less, tall glyphs overflow the line box, and a heading that starts a page is named twice in the outline.
 */
const ASCENT = 1;
/**
 * Descent override of the body faces: ascent + descent = the line pitch, so a 16 pt line box is exactly one grid
 * line with the glyphs at its top (as word processors' document grids set 公文), not centred in the leading.
 */
const BODY_DESCENT = LINE_PITCH_MM / (GEOMETRY.bodyPt * MM_PER_PT) - ASCENT;

/** Descent of the faces set in other sizes: an em box with the ideographic baseline's usual 0.12 em below. */
const NATURAL_DESCENT = 0.12;

/** Fallback order after a role's own face: the other TrueType faces, then the system's CJK fonts. */
const FALLBACK: Record<FontRole, FontRole[]> = {
  fangsong: ['song', 'kai', 'hei'],
  xiaobiaosong: ['song', 'fangsong', 'hei'],
  hei: ['song', 'fangsong'],
  kai: ['fangsong', 'song'],
  song: ['fangsong', 'kai'],
};

/** Renders the document; `fonts` gives each role's face. */
export function renderGbt9704Html(doc: OfficialDocument, fonts: FontFaceSource[]): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(doc.title || doc.attachments[0]?.title.join('') || '')}</title>
<style>${css(fonts)}</style>
</head>
<body>
${head(doc)}${main(doc)}${doc.attachments.map(attachment).join('')}${colophon(doc.colophon)}
</body>
</html>
`;
}

/** 版头: 发文机关标志 and 发文字号 with the red rule under it. */
function head(doc: OfficialDocument): string {
  if (!doc.issuerMark && !doc.docNumber) return '';
  const chars = [...(doc.issuerMark ?? '')].length || 1;
  const mark = doc.issuerMark ? `<p class="issuer-mark" style="font-size: min(15mm, ${(150 / chars).toFixed(2)}mm)">${esc(doc.issuerMark)}</p>\n` : '';
  const number = doc.docNumber ? `<p class="doc-number">${esc(doc.docNumber)}</p>\n<div class="red-rule" role="none"></div>\n` : '';
  return `<header class="head${doc.docNumber ? ' has-number' : ''}">\n${mark}${number}</header>\n`;
}

/** 主体: title, 主送机关, 正文, 附件说明, 署名, 成文日期, 附注. */
function main(doc: OfficialDocument): string {
  const parts = doc.title ? [`<h1 class="title">${esc(doc.title)}</h1>`] : [];
  if (doc.addressees) parts.push(`<p class="addressees">${esc(doc.addressees)}</p>`);
  parts.push(...doc.body.map((p) => `<p>${esc(p)}</p>`));
  if (doc.attachmentNote?.length) {
    parts.push(`<div class="attachment-note">${doc.attachmentNote.map((l, i) => `<p class="${i === 0 ? 'first' : 'next'}">${esc(l)}</p>`).join('')}</div>`);
  }
  if (doc.signatories.length || doc.date) parts.push(signature(doc.signatories, doc.date));
  if (doc.notes.length) parts.push(`<div class="notes">${doc.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>`);
  return `<main class="body">\n${parts.join('\n')}\n</main>\n`;
}

/**
 * 署名 and 成文日期 of a document without a seal (GB/T 9704 7.3.5.2): the names two characters from the right
 * edge; the date on the next line starting two characters right of the names' first character, or, when the date
 * is the longer, two characters from the right edge with the names centred over it.
 */
function signature(names: string[], date: string): string {
  const widest = Math.max(0, ...names.map(textWidth));
  const dateLonger = textWidth(date) + 2 > widest;
  const cls = dateLonger ? 'signature date-longer' : 'signature';
  return `<div class="${cls}"><div class="signature-box">${names.map((n) => `<p class="signatory">${esc(n)}</p>`).join('')}${date ? `<p class="date">${esc(date)}</p>` : ''}</div></div>`;
}

/** Width in character cells: half-width characters (ASCII digits, Latin) count one half. */
export function textWidth(text: string): number {
  return [...text].reduce((w, c) => w + (c.codePointAt(0)! < 0x1100 ? 0.5 : 1), 0);
}

/** 附件: a new page, 附件N at the top left in 黑体, the title centred on the third line, then its text. */
function attachment(a: Attachment): string {
  const headed = Boolean(a.mark || a.title.length);
  const mark = a.mark ? `<p class="attachment-mark">${esc(a.mark)}</p>\n` : '';
  const title = a.title.length ? `<h1 class="attachment-title">${a.title.map(esc).join('<br>')}</h1>\n` : '';
  const levels = headingLevels(a.blocks);
  return `<section class="attachment${headed ? ' new-page' : ''}">\n${mark}${title}${a.blocks.map((b) => block(b, levels)).join('\n')}\n</section>\n`;
}

/** HTML heading levels for the kinds an attachment uses, without gaps (h2, h3 …), so the PDF outline nests. */
function headingLevels(blocks: AttachmentBlock[]): Map<string, number> {
  const used = (['heading1', 'heading2', 'heading3'] as const).filter((k) => blocks.some((b) => b.kind === k));
  return new Map(used.map((k, i) => [k, Math.min(6, 2 + i)]));
}

function block(b: AttachmentBlock, levels: Map<string, number>): string {
  if (b.kind === 'table') {
    const [first, ...rest] = b.rows;
    const row = (cells: string[], tag: string) => `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
    return `<table><thead>${first ? row(first, 'th') : ''}</thead><tbody>${rest.map((r) => row(r, 'td')).join('')}</tbody></table>`;
  }
  if (b.kind === 'paragraph') return `<p>${esc(b.text)}</p>`;
  const level = levels.get(b.kind)!;
  return `<h${level} class="${b.kind}">${esc(b.text)}</h${level}>`;
}

/** 版记: 抄送 and 印发 lines between rules, thick first and last; moved to the foot of the last page by the printer. */
function colophon(c: Colophon | undefined): string {
  if (!c || !(c.cc || c.printer || c.printDate || c.others?.length)) return '';
  const lines: string[] = [];
  if (c.cc) lines.push(`<p class="cc">${esc(c.cc)}</p>`);
  for (const other of c.others ?? []) lines.push(`<p>${esc(other)}</p>`);
  if (c.printer || c.printDate) {
    lines.push(`<p class="printed"><span>${esc(c.printer ?? '')}</span><span>${esc(c.printDate ?? '')}</span></p>`);
  }
  return `<div class="colophon-gap" role="none"></div>\n<footer class="colophon">${lines.join('')}</footer>\n`;
}

const family = (role: FontRole, natural = false) =>
  [role, ...FALLBACK[role]].map((r) => `"gbt-${r}${natural ? '-natural' : ''}"`).join(', ') + ', "Noto Serif CJK SC", serif';

function css(fonts: FontFaceSource[]): string {
  const g = GEOMETRY;
  const right = g.pageWidth - g.left - g.blockWidth;
  const bottom = g.pageHeight - g.top - g.blockHeight;
  // Two faces per role: the body's (line box = one grid line, glyphs at its top) and a natural one (ascent and
  // descent one em) for text set in other sizes, whose lines are centred in their line height.
  const faces = fonts
    .map(
      (f) => `@font-face { font-family: "gbt-${f.role}"; src: ${f.src}; ascent-override: ${pct(ASCENT)}; descent-override: ${pct(BODY_DESCENT)}; line-gap-override: 0%; }
@font-face { font-family: "gbt-${f.role}-natural"; src: ${f.src}; ascent-override: ${pct(ASCENT)}; descent-override: ${pct(NATURAL_DESCENT)}; line-gap-override: 0%; }`,
    )
    .join('\n');
  const pageNumber = `content: "— " counter(page) " —"; font-family: ${family('song', true)}; font-size: ${g.pageNumberPt}pt;
    line-height: 1; letter-spacing: 0; vertical-align: top; padding-top: ${g.pageNumberGap}mm;`;
  return `
${faces}
@page { size: A4; margin: ${g.top}mm ${right}mm ${bottom}mm ${g.left}mm; }
@page :right { @bottom-right { ${pageNumber} text-align: right; padding-right: ${g.pageNumberPt}pt; } }
@page :left { @bottom-left { ${pageNumber} text-align: left; padding-left: ${g.pageNumberPt}pt; } }
:root { --pitch: ${LINE_PITCH_MM.toFixed(5)}mm; --cell: ${CELL_MM.toFixed(5)}mm; }
html, body { margin: 0; padding: 0; }
body {
  font-family: ${family('fangsong')}; font-size: ${g.bodyPt}pt; line-height: var(--pitch); color: #000;
  /* 28 cells fill 156 mm; 0.01 px less per character so rounding never pushes the 28th to the next line. */
  letter-spacing: calc(var(--cell) - ${g.bodyPt}pt - 0.01px);
  text-align: justify; orphans: 1; widows: 1; font-kerning: none; font-variant-ligatures: none;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
p, h1, h2, h3, h4, h5, h6 { margin: 0; font-weight: normal; font-size: inherit; line-height: inherit; }
p, h2, h3, h4, h5, h6 { text-indent: calc(2 * var(--cell)); }
h2, h3, h4, h5, h6 { break-after: avoid; }
.head { text-align: center; }
.issuer-mark { font-family: ${family('xiaobiaosong', true)}; color: #e00; line-height: 1.25; letter-spacing: 0; text-align: center;
  text-indent: 0; margin-top: 35mm; }
.doc-number { text-align: center; text-indent: 0; margin-top: calc(2 * var(--pitch)); }
.red-rule { border-top: 0.5mm solid #e00; margin-top: 4mm; }
h1 { font-family: ${family('xiaobiaosong', true)}; font-size: ${g.titlePt}pt; text-align: center; text-indent: 0; letter-spacing: 0;
  text-wrap: balance; break-after: avoid; }
.head + .body .title { margin-top: calc(2 * var(--pitch)); }
.addressees { text-indent: 0; margin-top: var(--pitch); }
.attachment-note { margin-top: var(--pitch); }
.attachment-note p { text-indent: 0; padding-left: calc(5 * var(--cell)); }
.attachment-note p.first { text-indent: calc(-3 * var(--cell)); }
.signature { display: flex; justify-content: flex-end; padding-right: calc(2 * var(--cell)); margin-top: var(--pitch); break-inside: avoid; }
.signature p { text-indent: 0; text-align: right; white-space: nowrap; }
.signature .date { text-align: left; padding-left: calc(2 * var(--cell)); }
.signature.date-longer .signatory { text-align: center; }
.signature.date-longer .date { padding-left: 0; }
.notes p { text-indent: calc(2 * var(--cell)); }
.attachment.new-page { break-before: page; }
.attachment-mark { font-family: ${family('hei')}; text-indent: 0; text-align: left; }
.attachment-title { margin-top: var(--pitch); margin-bottom: var(--pitch); }
.heading1 { font-family: ${family('hei')}; }
.heading2 { font-family: ${family('kai')}; }
.heading3 { font-family: ${family('fangsong')}; }
table { border-collapse: collapse; width: 100%; letter-spacing: 0; margin: 0; }
th, td { border: 0.25mm solid #000; padding: 0 1mm; text-indent: 0; text-align: left; vertical-align: top; font-weight: normal; }
th { font-family: ${family('hei')}; text-align: center; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.colophon-gap { height: var(${COLOPHON_GAP_VAR}, 0mm); }
.colophon { break-inside: avoid; font-size: ${g.pageNumberPt}pt; line-height: 7mm; letter-spacing: 0; border-top: 0.35mm solid #000;
  border-bottom: 0.35mm solid #000; font-family: ${family('fangsong', true)}; }
.colophon p { text-indent: 0; padding: 0 ${g.pageNumberPt}pt; }
.colophon p + p { border-top: 0.25mm solid #000; }
.colophon .printed { display: flex; justify-content: space-between; }
`;
}

const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

function esc(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
