/**
 * .docx → SourceDocument with mammoth (paragraphs, headings, lists, tables as HTML), then linkedom. Word's
 * automatic list numbers are put back in front of their paragraphs, as the reader saw them printed.
 */
import { unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import { problem, type Result } from '../plan/problem.ts';
import type { SourceDocument } from '../plan/source.ts';
import { numberingLabels, type Labels } from './docx-numbering.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { blocksToLines } from './html.ts';

// mammoth's document model is untyped in its declarations; these are the parts we touch.
interface MammothElement {
  type: string;
  children?: MammothElement[];
  numbering?: { isOrdered: boolean } | null;
  [key: string]: unknown;
}

function paragraphsOf(element: MammothElement, out: MammothElement[] = []): MammothElement[] {
  if (element.type === 'paragraph') out.push(element);
  for (const c of element.children ?? []) paragraphsOf(c, out);
  return out;
}

function firstText(p: MammothElement): string {
  const texts: string[] = [];
  const walk = (e: MammothElement) => {
    if (e.type === 'text' && typeof e['value'] === 'string') texts.push(e['value']);
    (e.children ?? []).forEach(walk);
  };
  walk(p);
  return texts.join('').trim().slice(0, 30);
}

/** Reads a .docx into lines: one per paragraph (or `<br>`-separated line), one per table. */
export async function readDocx(bytes: Uint8Array): Promise<Result<SourceDocument>> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' });
  } catch {
    return { ok: false, problems: [problem(1, 1, 'docx-damaged', 'The .docx could not be unpacked (damaged ZIP). Open it in Word, save it again, or give the PDF exported from Word.')] };
  }
  const utf8 = new TextDecoder();
  const labels: Labels = numberingLabels(utf8.decode(files['word/document.xml']), files['word/numbering.xml'] && utf8.decode(files['word/numbering.xml']));
  let mismatch: { index: number; text: string } | undefined;
  const transformDocument = (document: MammothElement) => {
    const paragraphs = paragraphsOf(document);
    paragraphs.forEach((p, index) => {
      const label = paragraphs.length === labels.length ? labels[index] : undefined;
      if (p.numbering?.isOrdered && label === undefined) mismatch ??= { index, text: firstText(p) };
      if (label === undefined) return;
      const firstRun = (p.children ?? []).find((c) => c.type === 'run');
      // The label is a run of its own, styled like the paragraph's first run, and the paragraph stops being a list item.
      p.children = [{ ...(firstRun ?? { type: 'run' }), type: 'run', children: [{ type: 'text', value: label }] }, ...(p.children ?? [])];
      p.numbering = null;
    });
    return document;
  };
  let html: string;
  try {
    // mammoth's `messages` only report styles it has no mapping for: not errors in the text.
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { transformDocument } as Parameters<typeof mammoth.convertToHtml>[1])).value;
  } catch (error) {
    return { ok: false, problems: [problem(1, 1, 'docx-damaged', `The .docx could not be read (${(error as Error).message}). Open it in Word, save it again, or give the PDF exported from Word.`)] };
  }
  if (mismatch) {
    return {
      ok: false,
      problems: [
        problem(mismatch.index + 1, 1, 'docx-auto-numbering', `Paragraph ${mismatch.index + 1} ("${mismatch.text}") is numbered by Word's automatic list numbering, and its number could not be worked out. Give the PDF exported from Word instead.`),
      ],
    };
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const lines = blocksToLines(htmlToBlocks(document.body, { dataTables: true }));
  return { ok: true, value: { format: 'docx', lines, removed: [], warnings: [] } };
}
