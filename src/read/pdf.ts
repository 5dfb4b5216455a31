/**
 * PDF → SourceDocument with pdf.js (Mozilla's pdfjs-dist, legacy build for Node): text items with positions,
 * then lines, furniture and paragraphs by geometry (pdf-layout.ts). Bytes in; no network, no fonts loaded.
 */
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { problem, type Problem, type Result } from '../plan/problem.ts';
import type { SourceDocument } from '../plan/source.ts';
import { itemsToLines, linesToSourceLines, separateFurniture, type PdfItem, type PdfLine } from './pdf-layout.ts';

// pdf.js reads its CMaps (for PDFs whose CJK fonts use predefined encodings such as UniGB-UCS2-H) and standard
// font metrics from files shipped in the package; a local path makes it read them from disk, never the network.
const PDFJS_DIR = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/u, '');

// Fonts whose cmap maps radicals to the same glyphs as unified ideographs make PDF writers (Chromium/Skia among
// them) emit e.g. ⼯ U+2F2F for 工 or ⻓ U+2ED3 for 长 in ToUnicode. The reader saw 工 and 长. Kangxi radicals
// decompose to their ideographs under NFKC; the CJK Radicals Supplement has no decomposition, so the radicals
// that look exactly like a whole character are mapped to it here, after Unicode's EquivalentUnifiedIdeograph.txt.
const RADICAL_SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [...'⺜日⺝月⺠民⺩王⻁虎⻄西⻅见⻆角⻉贝⻋车⻑長⻓长⻔门⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟⺟母'].flatMap(
    (c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]!]] : []),
  ),
);
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

function fixRadicals(text: string): string {
  return text.replace(RADICAL, (c) => RADICAL_SUPPLEMENT[c] ?? (c >= '\u2f00' ? c.normalize('NFKC') : c));
}

function refuse(ruleId: string, message: string): Result<SourceDocument> {
  return { ok: false, problems: [problem(1, 1, ruleId, message)] };
}

/** Reads a PDF's text layer into lines with pages, indents and paragraph starts; page numbers are left out. */
export async function readPdf(bytes: Uint8Array): Promise<Result<SourceDocument>> {
  let task: ReturnType<typeof getDocument> | undefined;
  let pdf;
  try {
    task = getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Node Buffer (what readFile
      // returns): hand it a plain Uint8Array copy, never the caller's bytes.
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      disableAutoFetch: true,
      cMapUrl: `${PDFJS_DIR}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${PDFJS_DIR}standard_fonts/`,
      verbosity: 0,
      // isEvalSupported is gone from pdf.js 5+ (it no longer compiles font programs with eval), so it is not set.
    });
    pdf = await task.promise;
  } catch (error) {
    await task?.destroy();
    const name = (error as Error).name;
    if (name === 'PasswordException') {
      return refuse('pdf-encrypted', 'The PDF is encrypted and needs a password to open, so its text cannot be read. Give a copy saved without a password, the .docx, or the text.');
    }
    return refuse('pdf-damaged', `The PDF could not be opened (${(error as Error).message}). Give a freshly exported PDF, the .docx, or the text.`);
  }
  try {
    const pages: PdfLine[][] = await Promise.all(
      Array.from({ length: pdf.numPages }, async (_, i) => {
        const page = await pdf.getPage(i + 1);
        const content = await page.getTextContent();
        const items: PdfItem[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const [a, b, c, d, x, y] = item.transform as number[];
          // Horizontal text only; the font size is the length of the text matrix's vertical axis.
          if (Math.abs(b!) > 1e-3 || Math.abs(c!) > 1e-3) continue;
          items.push({ str: fixRadicals(item.str), x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!) || Math.abs(a!) });
        }
        page.cleanup();
        return itemsToLines(items, i + 1);
      }),
    );
    if (pages.every((p) => p.length === 0)) {
      return refuse(
        'pdf-no-text',
        `The PDF holds only images of pages (a scan): none of its ${pdf.numPages} page(s) has a text layer, so there is no text to read. Give the .docx, a PDF exported from the word processor, or the text.`,
      );
    }
    const { kept, removed } = separateFurniture(pages);
    const lines = linesToSourceLines(kept);
    // A page without text among pages with text is an image (a scanned page, a signature): its text would be lost.
    const warnings: Problem[] = [];
    pages.forEach((p, i) => {
      if (p.length > 0) return;
      const next = lines.find((l) => (l.page ?? 0) > i + 1);
      warnings.push(problem(next?.line ?? (lines.at(-1)?.line ?? 0) + 1, 1, 'pdf-page-no-text', `Page ${i + 1} has no text layer (an image of a page), so any text on it is missing here. Give a PDF whose every page has text, the .docx, or the text.`));
    });
    return { ok: true, value: { format: 'pdf', lines, removed, warnings } };
  } finally {
    await task.destroy();
  }
}
