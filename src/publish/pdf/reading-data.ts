/**
 * Plan → the data the reading PDF's Typst template (templates/reading.typ) sets: the notice with the QR code of
 * the online whole-plan page, the contents, the plan section by section, each item's title linked to its online
 * page and each office to its page. Pure: plan, addresses and the QR code's SVG in, JSON-ready data out. Every
 * string stays data: the template shows strings, never reads them as markup.
 */
import { headOrderOf } from '../../plan/notice.ts';
import { attachmentToLines, itemLabel, sectionHeading } from '../../plan/to-text.ts';
import type { Item, Plan, UnitList, UnitsSource } from '../../plan/schema.ts';

/** A piece of a paragraph: text, set as a label (黑体) or linked to an online page. */
export interface Run {
  text: string;
  label?: true;
  url?: string;
  /** The 配合单位 label (where a line may break before it). */
  partner?: true;
}

/** A paragraph; `sticky` keeps it with the next (a label on a line of its own). */
export interface Para {
  runs: Run[];
  sticky?: true;
}

/** One item as the template sets it. */
export interface ReadingItem {
  /** Named destination and contents target, e.g. item-3. */
  label: string;
  heading: string;
  /** The contents entry, e.g. `3. 精心筹备会议`. */
  entry: string;
  url: string;
  /** A （一） subsection heading that starts with this item. */
  subsection?: string;
  paras: Para[];
}

/** The template's input. */
export interface ReadingData {
  title: string;
  fonts: { song: string; hei: string };
  /** The notice; `head` holds its 发文机关标志, 发文字号, 签发人 and 标题 in the order printed. */
  notice?: { headMarks: string[]; head: { role: 'issuer' | 'docNumber' | 'signer' | 'title'; text: string }[]; addressees?: string; body: string[]; attachmentNote: string[]; signatories: string[]; date: string; notes: string[] };
  qr: { svg: string; url: string; caption: string };
  mark?: string;
  requirements: string[];
  /** Sections in order; `heading` is empty for the implicit section of a plan without 一、 headings. */
  sections: { label: string; heading: string; intro: string[]; items: ReadingItem[] }[];
  closing?: Para[];
  /** The plan's own 署名 and 成文日期 after its text (a plan without a notice), with any 附注, as printed. */
  signature?: { signatories: string[]; date: string; notes: string[]; belowAttachmentNote: boolean };
  /** 附件说明 printed after the closing, one line each. */
  attachmentNote: string[];
  attachments: string[][];
  colophon: string[];
}

/** Where the plan is online: `root` is the plan's own address, e.g. https://example.gov.cn/2020/. */
export interface ReadingAddresses {
  root: string;
  qrSvg: string;
}

/** The template's data for `plan`. */
export function readingData(plan: Plan, fonts: { song: string; hei: string }, at: ReadingAddresses): ReadingData {
  const full = `${at.root}full/`;
  const { notice } = plan;
  return {
    title: plan.title,
    fonts,
    ...(notice
      ? {
          notice: {
            headMarks: notice.headMarks ?? [],
            // In the order printed (a gazette sets its title above the 发文字号).
            head: headOrderOf(notice).map((role) => ({ role, text: notice[role]! })),
            ...(notice.addressees ? { addressees: notice.addressees } : {}),
            body: notice.body,
            attachmentNote: notice.attachmentNote ?? [],
            signatories: notice.signatories,
            date: notice.date,
            notes: notice.notes ?? [],
          },
        }
      : {}),
    qr: { svg: at.qrSvg, url: full, caption: '扫描二维码或访问以下网址，阅读全文在线版：' },
    ...(plan.mark ? { mark: plan.mark } : {}),
    requirements: plan.requirements,
    sections: plan.sections.map((s) => ({
      label: `section-${s.number}`,
      heading: sectionHeading(s),
      intro: s.intro ?? [],
      items: s.items.map((n) => {
        const item = plan.items[n - 1]!;
        const sub = item.subsection ? s.subsections?.find((x) => x.items[0] === n) : undefined;
        return {
          label: `item-${item.id}`,
          heading: `${item.source.numberText}${item.title}${item.source.titleEnd}`,
          entry: `${itemLabel(item)} ${item.title}`,
          url: `${at.root}items/${item.id}/`,
          ...(sub ? { subsection: `${sub.numberText}${sub.title}` } : {}),
          paras: itemParas(item, at.root),
        };
      }),
    })),
    ...(plan.closing
      ? { closing: [...plan.closing.paragraphs.map((p) => ({ runs: [{ text: p }] })), { runs: unitRuns(plan.closing.responsible, plan.closing.units, at.root) }] }
      : {}),
    ...(plan.signature ? { signature: { signatories: plan.signature.signatories, date: plan.signature.date, notes: plan.signature.notes ?? [], belowAttachmentNote: plan.signature.belowAttachmentNote ?? false } } : {}),
    attachmentNote: plan.attachmentNote ?? [],
    attachments: plan.attachments.map(attachmentToLines),
    colophon: plan.colophon?.lines ?? [],
  };
}

/** An item's fields, label first (on its own line where the document sets it so), and its 责任单位 where printed. */
function itemParas(item: Item, root: string): Para[] {
  const paras: Para[] = [];
  const { responsible, source } = item;
  const pushUnits = () => {
    if (!responsible || !source.units) return;
    if (source.units.style === 'parenthesis') {
      const last = paras.at(-1);
      if (last) last.runs.push(...unitRuns(responsible, source.units, root));
      else paras.push({ runs: unitRuns(responsible, source.units, root) });
    } else paras.push(...unitLineParas(responsible, source.units, root));
  };
  item.fields.forEach((field, index) => {
    // A field printed below the 责任单位 (a 完成时限 after it).
    if (index === source.units?.beforeField) pushUnits();
    if (field.labelOwnLine) paras.push({ runs: [{ text: field.label, label: true }], sticky: true });
    field.paragraphs.forEach((p, i) => paras.push({ runs: i === 0 && !field.labelOwnLine && field.label ? [{ text: field.label, label: true }, { text: p }] : [{ text: p }] }));
  });
  if (source.units?.beforeField === undefined) pushUnits();
  return paras;
}

/** A units list on lines of its own: the label on its line where printed so, a 配合单位 label starting a line. */
function unitLineParas(list: UnitList, source: UnitsSource, root: string): Para[] {
  const runs = unitRuns(list, source.labelOwnLine ? { ...source, label: '' } : source, root);
  const paras: Para[] = source.labelOwnLine ? [{ runs: [{ text: source.label, label: true }], sticky: true }] : [];
  const cut = source.partner?.ownLine ? runs.findIndex((r) => r.partner) : -1;
  if (cut > 0) paras.push({ runs: runs.slice(0, cut) }, { runs: runs.slice(cut) });
  else paras.push({ runs });
  return paras;
}

/** A units list as printed (unitsToText), each office linked to its online page, labels set as labels. */
function unitRuns(list: UnitList, source: UnitsSource, root: string): Run[] {
  const runs: Run[] = [];
  if (source.open) runs.push({ text: source.open });
  if (source.label) runs.push({ text: source.label, label: true });
  const { partner } = source;
  list.units.forEach((u, i) => {
    if (partner && i === partner.from) {
      // 牵头单位：A、B；配合单位：C: the separator as printed, then the second label.
      if (partner.separator) runs.push({ text: partner.separator });
      runs.push({ text: partner.label, label: true, partner: true });
    } else if (i > 0) runs.push({ text: '、' });
    runs.push({ text: u.name, url: u.kind === 'office' && u.office ? `${root}offices/${u.office}/` : `${root}offices/#groups` });
  });
  const tail = `${list.etc ? '等' : ''}${list.trailing}${source.close}`;
  if (tail) runs.push({ text: tail });
  return runs;
}
