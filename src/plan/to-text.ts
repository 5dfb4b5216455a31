/**
 * Plan → text in document order, one paragraph per line. Used to prove that reading kept every character
 * (whitespace aside), as the plain-text view of the plan, and by the 公文版 print.
 */
import { headOrderOf } from './notice.ts';
import { unitListToText } from './offices.ts';
import type { Attachment, Closing, Item, Plan, Section, Signature, UnitList, UnitsSource } from './schema.ts';

/** The heading of a section as printed, e.g. 一、加强党对教育工作的全面领导; empty for the implicit section. */
export function sectionHeading(section: Section): string {
  return `${section.numeral}${section.separator}${section.title}`;
}

/** What pages call each part of an item where a span was found. */
export const FIELD_NAMES = { title: '标题', goals: '目标任务', measures: '工作措施', text: '正文' } as const;

/** An item's number as printed, for lists and titles, e.g. 16. or （三）. */
export function itemLabel(item: Item): string {
  return item.source.numberText.trim();
}

/** How pages name an item: 第16项, or 第2-3项 where numbering restarts in each section. */
export function itemName(item: Item): string {
  return `第${item.id}项`;
}

/** A units list with its label (and brackets) as printed. */
export function unitsToText(list: UnitList, source: UnitsSource): string {
  return `${source.open}${source.label}${unitListToText(list, source.partner)}${source.close}`;
}

/** A units list printed on lines of its own: label and list, or each on its line; a 配合单位 line of its own. */
function unitsToLines(list: UnitList, source: UnitsSource): string[] {
  const text = unitListToText(list, source.partner);
  const lines = source.labelOwnLine ? [source.label, text] : [`${source.label}${text}`];
  const partner = source.partner;
  if (!partner?.ownLine) return lines;
  // The 配合单位 label starts a line: cut the last line there.
  const last = lines.pop()!;
  const cut = last.lastIndexOf(partner.label);
  return [...lines, last.slice(0, cut), last.slice(cut)];
}

/** The lines of one item as printed: heading, each field's paragraphs, units. */
export function itemToLines(item: Item): string[] {
  const lines: string[] = [];
  const heading = `${item.source.numberText}${item.title}${item.source.titleEnd}`;
  let first = item.source.headline === 'sentence';
  if (!first) lines.push(heading);
  const { responsible, source } = item;
  const pushUnits = () => {
    if (!responsible || !source.units) return;
    if (source.units.style === 'parenthesis') lines[lines.length - 1] += unitsToText(responsible, source.units);
    else lines.push(...unitsToLines(responsible, source.units));
  };
  item.fields.forEach((field, index) => {
    // A field printed below the 责任单位 (a 完成时限 after it).
    if (index === source.units?.beforeField) pushUnits();
    if (field.labelOwnLine) lines.push(field.label);
    field.paragraphs.forEach((p, i) => {
      const text = i === 0 && !field.labelOwnLine ? `${field.label}${p}` : p;
      if (first) {
        lines.push(heading + text);
        first = false;
      } else lines.push(text);
    });
  });
  if (first) lines.push(heading);
  if (source.units?.beforeField === undefined) pushUnits();
  return lines;
}

/** The closing paragraph's lines as printed. */
export function closingToLines(closing: Closing): string[] {
  const lines = [...closing.paragraphs];
  if (closing.units.style === 'parenthesis') lines[lines.length - 1] += unitsToText(closing.responsible, closing.units);
  else lines.push(...unitsToLines(closing.responsible, closing.units));
  return lines;
}

/** The plan's own signature as printed: the signing bodies, the date, any 附注. */
export function signatureToLines(signature: Signature): string[] {
  return [...signature.signatories, signature.date, ...(signature.notes ?? [])];
}

/** An 附件's lines as printed (a table's cells one per line). */
export function attachmentToLines(a: Attachment): string[] {
  return [a.mark, ...(a.title ? [a.title] : []), ...a.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flat().filter(Boolean)))];
}

/** The whole document as text, one paragraph per line. */
export function planToText(plan: Plan): string {
  const lines: string[] = [];
  const n = plan.notice;
  if (n) {
    // The head in the order printed (a gazette puts the 发文字号 after the title).
    lines.push(...(n.headMarks ?? []), ...headOrderOf(n).map((e) => n[e]!));
    lines.push(...(n.addressees ? [n.addressees] : []), ...n.body, ...(n.attachmentNote ?? []), ...n.signatories, n.date, ...(n.notes ?? []));
  }
  if (plan.mark) lines.push(plan.mark);
  lines.push(plan.title, ...plan.requirements);
  for (const section of plan.sections) {
    if (!section.implicit) lines.push(sectionHeading(section));
    lines.push(...(section.intro ?? []));
    for (const number of section.items) {
      const item = plan.items[number - 1]!;
      const sub = item.subsection ? section.subsections?.[item.subsection - 1] : undefined;
      if (sub && sub.items[0] === number) lines.push(`${sub.numberText}${sub.title}`);
      lines.push(...itemToLines(item));
    }
  }
  if (plan.closing) lines.push(...closingToLines(plan.closing));
  // The signature where printed: above the 附件说明, or below it as a 公文 has it.
  const signature = plan.signature ? signatureToLines(plan.signature) : [];
  if (!plan.signature?.belowAttachmentNote) lines.push(...signature);
  lines.push(...(plan.attachmentNote ?? []));
  if (plan.signature?.belowAttachmentNote) lines.push(...signature);
  for (const a of plan.attachments) lines.push(...attachmentToLines(a));
  if (plan.colophon) lines.push(...plan.colophon.lines);
  return `${lines.join('\n')}\n`;
}
