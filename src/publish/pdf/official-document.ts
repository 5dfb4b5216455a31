/**
 * The 公文版's own input: a document as GB/T 9704-2012 lays it out (版头, 主体, 附件, 版记), independent of how the
 * plan was parsed. The 公文版's template data (gbt9704-data.ts) knows only this shape, so a change of the Plan schema touches
 * only `planToOfficialDocument`. Every string is official text, exactly as issued.
 */
import { headOrderOf } from '../../plan/notice.ts';
import type { Colophon as PlanColophon, Plan } from '../../plan/schema.ts';
import { closingToLines, itemToLines, sectionHeading } from '../../plan/to-text.ts';

/** One block of an attachment's text. Headings are named by level: 一、 (heading1), （一） (heading2), 1. (heading3). */
export type AttachmentBlock =
  | { kind: 'heading1' | 'heading2' | 'heading3' | 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] }
  /** A plan's own 署名 and 成文日期 after its text (a plan without a notice), with any 附注 below. */
  | { kind: 'signature'; names: string[]; date: string; notes: string[] };

/** 附件: from a new page, with its mark at the top left and its title centred. */
export interface Attachment {
  /** The mark as printed: 附件, or 附件1, 附件2 … */
  mark: string;
  /** The title, one string per printed line (usually one). */
  title: string[];
  /** The text below the title, in order. */
  blocks: AttachmentBlock[];
}

/** 版记: 抄送机关, 印发机关和印发日期, printed between rules at the foot of the last page. */
export interface Colophon {
  /** The whole 抄送 line as issued, e.g. 抄送：…。 */
  cc?: string;
  /** 印发机关, e.g. 湖南省教育厅办公室. */
  printer?: string;
  /** 印发日期 as printed, e.g. 2020年3月9日印发. */
  printDate?: string;
  /** Other lines of the 版记, as printed, one a line. */
  others?: string[];
}

/** A 公文 as GB/T 9704-2012 arranges it. */
export interface OfficialDocument {
  /** 版头 marks above the issuer (份号, 密级, 紧急程度), one per line, at the top left. */
  headMarks?: string[];
  /** 发文机关标志, e.g. 湖南省教育厅文件 (red, centred). */
  issuerMark?: string;
  /** 发文字号, e.g. 湘教发〔2020〕8号 (centred under the mark, a red rule under it). */
  docNumber?: string;
  /** 签发人 line as printed, e.g. 签发人：张三 (on the 发文字号's line, at the right). */
  signer?: string;
  /**
   * The head elements in the order printed when it is not GB/T 9704's (发文机关标志, 发文字号, 签发人, 标题), e.g. a
   * gazette's title above its 发文字号; absent for the standard order.
   */
  headOrder?: ('issuer' | 'docNumber' | 'signer' | 'title')[];
  /** 标题: the notice's title; empty when the copy has none (it starts at the 主送机关). */
  title: string;
  /** 主送机关, with its colon. */
  addressees?: string;
  /** 正文: the notice's paragraphs. */
  body: string[];
  /** 附件说明: `附件：1.…` then `2.…`, one string per line. */
  attachmentNote?: string[];
  /** 发文机关署名, one body per line. */
  signatories: string[];
  /** 成文日期 as printed. */
  date: string;
  /** 附注, e.g. （此件主动公开）, one per line. */
  notes: string[];
  /** 附件, each from a new page. */
  attachments: Attachment[];
  /** 版记, when the document has one. */
  colophon?: Colophon;
}

/**
 * Plan → the 公文: the covering notice is the document with every element it has (版头, 发文字号, 附件说明, 附注),
 * the plan itself its first attachment (marked as the document marks it), then the document's other 附件 and
 * its 版记. Text comes from to-text.ts, so it is exactly the text `planToText` gives, with nothing of the site's
 * (no 牵头 labels, anchors or notes). A plan without a notice becomes a document titled with the plan title.
 */
export function planToOfficialDocument(plan: Plan): OfficialDocument {
  const attachments: Attachment[] = [
    { mark: plan.mark ?? '', title: [plan.title], blocks: planBlocks(plan) },
    ...plan.attachments.map((a) => ({
      mark: a.mark,
      title: a.title ? [a.title] : [],
      blocks: a.blocks.map((b): AttachmentBlock => (b.kind === 'table' ? { kind: 'table', rows: b.rows } : { kind: 'paragraph', text: b.text })),
    })),
  ];
  const colophon = plan.colophon ? colophonOf(plan.colophon) : undefined;
  const { notice } = plan;
  if (!notice) {
    // A plan without a notice that still carries its 附件 mark prints mark, then title, as its first attachment.
    if (plan.mark) return { title: '', body: [], signatories: [], date: '', notes: [], attachments, ...(colophon ? { colophon } : {}) };
    // No covering notice: the plan is the document; its text follows the title on the first page (an
    // attachment without a mark or title starts no new page).
    const [first, ...rest] = attachments;
    return { title: plan.title, body: [], signatories: [], date: '', notes: [], attachments: [{ mark: '', title: [], blocks: first!.blocks }, ...rest], ...(colophon ? { colophon } : {}) };
  }
  return {
    ...(notice.headMarks?.length ? { headMarks: notice.headMarks } : {}),
    ...(notice.issuer ? { issuerMark: notice.issuer } : {}),
    ...(notice.docNumber ? { docNumber: notice.docNumber } : {}),
    ...(notice.signer ? { signer: notice.signer } : {}),
    ...(notice.headOrder ? { headOrder: headOrderOf(notice) } : {}),
    title: notice.title ?? '',
    ...(notice.addressees ? { addressees: notice.addressees } : {}),
    body: notice.body,
    ...(notice.attachmentNote ? { attachmentNote: notice.attachmentNote } : {}),
    signatories: notice.signatories,
    date: notice.date,
    notes: notice.notes ?? [],
    attachments,
    ...(colophon ? { colophon } : {}),
  };
}

/** The 版记 as the renderer sets it: the 抄送 line, the 印发 line, and any other line as printed. */
function colophonOf(c: PlanColophon): Colophon {
  const printed = c.printer && c.printDate ? c.lines.find((l) => l.startsWith(c.printer!) && l.endsWith(c.printDate!)) : undefined;
  const others = c.lines.filter((l) => l !== c.cc && l !== printed);
  return { ...(c.cc ? { cc: c.cc } : {}), ...(printed ? { printer: c.printer!, printDate: c.printDate! } : {}), ...(others.length ? { others } : {}) };
}

/** The plan's text as blocks: requirements, each section heading, its subsections and items, then the closing. */
function planBlocks(plan: Plan): AttachmentBlock[] {
  const blocks: AttachmentBlock[] = plan.requirements.map((text) => ({ kind: 'paragraph', text }));
  for (const section of plan.sections) {
    // The implicit section of a plan without 一、 headings prints no heading.
    if (!section.implicit) blocks.push({ kind: 'heading1', text: sectionHeading(section) });
    blocks.push(...(section.intro ?? []).map((text) => ({ kind: 'paragraph' as const, text })));
    for (const number of section.items) {
      const item = plan.items[number - 1]!;
      const sub = item.subsection ? section.subsections?.[item.subsection - 1] : undefined;
      if (sub && sub.items[0] === number) blocks.push({ kind: 'heading2', text: `${sub.numberText}${sub.title}` });
      const lines = itemToLines(item);
      // The `1.` level is set in the body font (GB/T 9704 7.3.3); it is a heading only for the PDF's outline.
      // An item whose headline opens its first paragraph (1.坚持…。按照…) prints as that one paragraph.
      if (item.source.headline === 'line') {
        const [heading, ...rest] = lines;
        blocks.push({ kind: 'heading3', text: heading! }, ...rest.map((text) => ({ kind: 'paragraph' as const, text })));
      } else blocks.push(...lines.map((text) => ({ kind: 'paragraph' as const, text })));
    }
  }
  if (plan.closing) blocks.push(...closingToLines(plan.closing).map((text) => ({ kind: 'paragraph' as const, text })));
  // The plan's own signature where the source prints it: above its 附件说明, or below it as a 公文 has it.
  const s = plan.signature;
  const signature: AttachmentBlock[] = s ? [{ kind: 'signature', names: s.signatories, date: s.date, notes: s.notes ?? [] }] : [];
  if (!s?.belowAttachmentNote) blocks.push(...signature);
  // The plan's own 附件说明, after its closing.
  blocks.push(...(plan.attachmentNote ?? []).map((text) => ({ kind: 'paragraph' as const, text })));
  if (s?.belowAttachmentNote) blocks.push(...signature);
  return blocks;
}

/** Every character of the document in reading order, one paragraph a line (what the PDF's text must be). */
export function officialDocumentToText(doc: OfficialDocument): string {
  const lines: string[] = [];
  const push = (...more: (string | undefined)[]) => lines.push(...more.filter((l): l is string => Boolean(l)));
  const head = { issuer: doc.issuerMark, docNumber: doc.docNumber, signer: doc.signer, title: doc.title };
  push(...(doc.headMarks ?? []), ...(doc.headOrder ?? (['issuer', 'docNumber', 'signer', 'title'] as const)).map((e) => head[e]));
  push(doc.addressees, ...doc.body, ...(doc.attachmentNote ?? []), ...doc.signatories, doc.date, ...doc.notes);
  for (const a of doc.attachments) {
    push(a.mark, ...a.title);
    for (const b of a.blocks) {
      if (b.kind === 'table') for (const row of b.rows) push(...row);
      else if (b.kind === 'signature') push(...b.names, b.date, ...b.notes);
      else push(b.text);
    }
  }
  if (doc.colophon) push(doc.colophon.cc, ...(doc.colophon.others ?? []), doc.colophon.printer, doc.colophon.printDate);
  return `${lines.join('\n')}\n`;
}
