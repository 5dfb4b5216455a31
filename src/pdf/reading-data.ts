/**
 * Plan → the data the reading PDF's Typst template (templates/reading.typ) sets: the notice with the QR code of
 * the online whole-plan page, the contents, the plan section by section, each item's title linked to its online
 * page and each office to its page. Pure: plan, addresses and the QR code's SVG in, JSON-ready data out. Every
 * string stays data: the template shows strings, never reads them as markup.
 */
import { attachmentToLines, itemLabel, sectionHeading } from '../plan/to-text.ts';
import type { Item, Plan, UnitList, UnitsSource } from '../plan/schema.ts';

/** A piece of a paragraph: text, set as a label (黑体) or linked to an online page. */
export interface Run {
  text: string;
  label?: true;
  url?: string;
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
  notice?: { headMarks: string[]; issuer?: string; docNumber?: string; signer?: string; title?: string; addressees?: string; body: string[]; attachmentNote: string[]; signatories: string[]; date: string; notes: string[] };
  qr: { svg: string; url: string; caption: string };
  mark?: string;
  requirements: string[];
  sections: { label: string; heading: string; intro: string[]; items: ReadingItem[] }[];
  closing?: Para[];
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
            ...(notice.issuer ? { issuer: notice.issuer } : {}),
            ...(notice.docNumber ? { docNumber: notice.docNumber } : {}),
            ...(notice.signer ? { signer: notice.signer } : {}),
            ...(notice.title ? { title: notice.title } : {}),
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
    attachments: plan.attachments.map(attachmentToLines),
    colophon: plan.colophon?.lines ?? [],
  };
}

/** An item's fields, label first (on its own line where the document sets it so), then its 责任单位. */
function itemParas(item: Item, root: string): Para[] {
  const paras: Para[] = [];
  for (const field of item.fields) {
    if (field.labelOwnLine) paras.push({ runs: [{ text: field.label, label: true }], sticky: true });
    field.paragraphs.forEach((p, i) => paras.push({ runs: i === 0 && !field.labelOwnLine ? [{ text: field.label, label: true }, { text: p }] : [{ text: p }] }));
  }
  const { responsible, source } = item;
  if (responsible && source.units) {
    if (source.units.style === 'parenthesis') {
      const last = paras.at(-1);
      if (last) last.runs.push(...unitRuns(responsible, source.units, root));
      else paras.push({ runs: unitRuns(responsible, source.units, root) });
    } else if (source.units.labelOwnLine) {
      paras.push({ runs: [{ text: source.units.label, label: true }], sticky: true }, { runs: unitRuns(responsible, { ...source.units, label: '', open: '', close: '' }, root) });
    } else paras.push({ runs: unitRuns(responsible, source.units, root) });
  }
  return paras;
}

/** A units list as printed (unitsToText), each office linked to its online page. */
function unitRuns(list: UnitList, source: UnitsSource, root: string): Run[] {
  const runs: Run[] = [];
  if (source.open) runs.push({ text: source.open });
  if (source.label) runs.push({ text: source.label, label: true });
  list.units.forEach((u, i) => {
    if (i > 0) runs.push({ text: '、' });
    runs.push({ text: u.name, url: u.kind === 'office' && u.office ? `${root}offices/${u.office}/` : `${root}offices/#groups` });
  });
  const tail = `${list.etc ? '等' : ''}${list.trailing}${source.close}`;
  if (tail) runs.push({ text: tail });
  return runs;
}
