/**
 * What follows the plan: an 附件说明 after its closing (附件：1.任务分工表 and its list), 附件 (each from its
 * mark, 附件2, with its title and paragraphs or tables) and the 版记 (抄送 and 印发机关和印发日期) that ends the
 * document.
 */
import { endsSentence, joinPageBreak } from './normalize.ts';
import { toAsciiDigits, chineseNumeralToNumber } from './numerals.ts';
import { problem, type Problem } from './problem.ts';
import type { Attachment, AttachmentBlock, Colophon, Signature } from './schema.ts';
import { signatureFrom } from './signature.ts';
import type { SourceLine } from './source.ts';
import { ATTACHMENT_MARK, ATTACHMENT_NOTE } from './vocabulary.ts';

const CC = /^抄\s*送\s*[：:]/u;
const PRINTED = /^(.+?)\s+([0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*印[发發])$/u;
// An entry of an 附件说明's list: 1. 1． 1、
const NOTE_ENTRY = /^[0-9０-９]{1,2}\s*[.．、]/u;

/** True when a paragraph starts the tail: an 附件说明, an 附件 mark or a 版记 line. */
export function startsTail(p: SourceLine): boolean {
  return !p.table && (ATTACHMENT_NOTE.test(p.text) || ATTACHMENT_MARK.test(p.text) || CC.test(p.text) || PRINTED.test(p.text));
}

/** What follows the plan's body. */
export interface Tail {
  attachmentNote?: string[];
  /** The plan's signature printed below its 附件说明, as a 公文 prints it. */
  signature?: Signature;
  attachments: Attachment[];
  colophon?: Colophon;
}

/** Reads the 附件说明, 附件 and 版记 from the first tail paragraph to the end. */
export function parseTail(ps: readonly SourceLine[], problems: Problem[], options: { signatureBelowNote?: boolean } = {}): Tail {
  const attachments: Attachment[] = [];
  let i = 0;
  const colophonStart = ps.findIndex((p) => !p.table && (CC.test(p.text) || PRINTED.test(p.text)));
  const end = colophonStart === -1 ? ps.length : colophonStart;
  // 附件说明: its first line, then each entry of the list (1. 2. …), until the first 附件 mark. A line that is
  // neither (a signature, a date) is not taken for part of a name: it is reported below as having no place.
  const attachmentNote: string[] = [];
  if (i < end && !ps[i]!.table && ATTACHMENT_NOTE.test(ps[i]!.text)) {
    attachmentNote.push(ps[i++]!.text);
    while (i < end && !ps[i]!.table && !ATTACHMENT_MARK.test(ps[i]!.text)) {
      const p = ps[i]!;
      if (!NOTE_ENTRY.test(p.text)) break;
      attachmentNote.push(p.text);
      i++;
    }
  }
  // The plan's own signature below its 附件说明, followed by nothing, an 附件 or the 版记, where the caller allows
  // one (a plan without a notice, not signed above its 附件说明 already).
  const signed = attachmentNote.length && options.signatureBelowNote ? signatureFrom(ps, i, end, (p) => !p.table && ATTACHMENT_MARK.test(p.text)) : undefined;
  if (signed) i = signed.next;
  while (i < end) {
    const mark = ps[i]!;
    if (!ATTACHMENT_MARK.test(mark.text)) {
      const after = attachmentNote.length ? 'the 附件说明 (附件：…) after the plan' : 'the plan';
      problems.push(problem(mark.line, mark.column, 'unexpected-text', `Line ${mark.line} (“${mark.text.slice(0, 20)}”) follows ${after} but is neither ${attachmentNote.length ? 'an entry of its list (1. …) nor ' : ''}an 附件 mark (附件, 附件1) nor a 版记 line (抄送：…), so the reader has no place for it.`));
      i++;
      continue;
    }
    i++;
    const titleStart = i;
    while (i < end && i - titleStart < 3 && !ps[i]!.table && !ATTACHMENT_MARK.test(ps[i]!.text) && !endsSentence(ps[i]!.text) && [...ps[i]!.text].length <= 40) i++;
    const title = ps.slice(titleStart, i).map((p) => p.text);
    const blocks: AttachmentBlock[] = [];
    while (i < end && !ATTACHMENT_MARK.test(ps[i]!.text)) {
      const p = ps[i++]!;
      blocks.push(p.table ? { kind: 'table', rows: p.table } : { kind: 'paragraph', text: p.text });
    }
    const digits = /([0-9０-９]+|[一二三四五六七八九十]+)\s*$/u.exec(mark.text)?.[1];
    const n = digits ? (/[0-9０-９]/u.test(digits) ? Number(toAsciiDigits(digits)) : chineseNumeralToNumber(digits)) : undefined;
    attachments.push({
      mark: mark.text,
      id: String(n ?? attachments.length + 1),
      ...(title.length ? { title: title.reduce((a, b) => joinPageBreak(a, b)) } : {}),
      blocks,
    });
  }
  const note = { ...(attachmentNote.length ? { attachmentNote } : {}), ...(signed ? { signature: signed.signature } : {}) };
  if (colophonStart === -1) return { ...note, attachments };
  const lines = ps.slice(colophonStart);
  const cc = lines.find((p) => CC.test(p.text))?.text;
  const printed = lines.map((p) => PRINTED.exec(p.text)).find(Boolean);
  return {
    ...note,
    attachments,
    colophon: {
      lines: lines.map((p) => p.text),
      ...(cc ? { cc } : {}),
      ...(printed ? { printer: printed[1]!, printDate: printed[2]! } : {}),
    },
  };
}
