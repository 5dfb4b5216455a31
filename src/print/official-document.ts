/**
 * The 公文版's own input: a document as GB/T 9704-2012 lays it out (版头, 主体, 附件, 版记), independent of how the
 * plan was parsed. The renderer (gbt9704-html.ts) only knows this shape, so a change of the Plan schema touches
 * only `planToOfficialDocument`. Every string is official text, exactly as issued.
 */
import { unitListToText } from '../plan/offices.ts';
import type { Plan } from '../plan/schema.ts';
import { itemToLines, sectionHeading } from '../plan/to-text.ts';

/** One block of an attachment's text. Headings are named by level: 一、 (heading1), （一） (heading2), 1. (heading3). */
export type AttachmentBlock =
  | { kind: 'heading1' | 'heading2' | 'heading3' | 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] };

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
}

/** A 公文 as GB/T 9704-2012 arranges it. */
export interface OfficialDocument {
  /** 发文机关标志, e.g. 湖南省教育厅文件 (red, centred). */
  issuerMark?: string;
  /** 发文字号, e.g. 湘教发〔2020〕8号 (centred under the mark, a red rule under it). */
  docNumber?: string;
  /** 标题: the notice's title. */
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
 * Today's Plan → the 公文: the covering notice is the document, the plan itself its one attachment (as the
 * issued document has it). The plan's text is taken from to-text.ts's `itemToLines`, so it is exactly the text
 * `planToText` gives, with nothing of the site's (no 牵头 labels, anchors or notes).
 * A plan without a notice becomes a document titled with the plan title, the plan's text following it.
 */
export function planToOfficialDocument(plan: Plan): OfficialDocument {
  const attachment: Attachment = { mark: '附件', title: [plan.title], blocks: planBlocks(plan) };
  const { notice } = plan;
  if (!notice) {
    // No covering notice: the plan is the document; its text follows the title on the first page (an
    // attachment without a mark or title starts no new page).
    return { title: plan.title, body: [], signatories: [], date: '', notes: [], attachments: [{ mark: '', title: [], blocks: attachment.blocks }] };
  }
  return {
    issuerMark: notice.issuer,
    title: notice.title,
    addressees: notice.addressees,
    body: notice.body,
    signatories: notice.signatories,
    date: notice.date,
    notes: [],
    attachments: [attachment],
  };
}

/** The plan's text as blocks: requirements, then each section heading and its items, then the closing. */
function planBlocks(plan: Plan): AttachmentBlock[] {
  const blocks: AttachmentBlock[] = plan.requirements.map((text) => ({ kind: 'paragraph', text }));
  for (const section of plan.sections) {
    blocks.push({ kind: 'heading1', text: sectionHeading(section) });
    for (const number of section.items) {
      const item = plan.items.find((i) => i.number === number);
      if (!item) continue;
      const [heading, ...rest] = itemToLines(item);
      // The `1.` level is set in the body font (GB/T 9704 7.3.3); it is a heading only for the PDF's outline.
      blocks.push({ kind: 'heading3', text: heading! }, ...rest.map((text) => ({ kind: 'paragraph' as const, text })));
    }
  }
  if (plan.closing) {
    const { closing } = plan;
    blocks.push(...closing.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })));
    blocks.push({ kind: 'paragraph', text: `${closing.unitsLabel}${unitListToText(closing.responsible)}` });
  }
  return blocks;
}

/** Every character of the document in reading order, one paragraph a line (what the PDF's text must be). */
export function officialDocumentToText(doc: OfficialDocument): string {
  const lines: string[] = [];
  const push = (...more: (string | undefined)[]) => lines.push(...more.filter((l): l is string => Boolean(l)));
  push(doc.issuerMark, doc.docNumber, doc.title, doc.addressees, ...doc.body, ...(doc.attachmentNote ?? []), ...doc.signatories, doc.date, ...doc.notes);
  for (const a of doc.attachments) {
    push(a.mark, ...a.title);
    for (const b of a.blocks) {
      if (b.kind === 'table') for (const row of b.rows) push(...row);
      else push(b.text);
    }
  }
  if (doc.colophon) push(doc.colophon.cc, doc.colophon.printer, doc.colophon.printDate);
  return `${lines.join('\n')}\n`;
}
