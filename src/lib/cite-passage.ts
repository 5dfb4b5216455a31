/**
 * 引用本条: a ready reference to an item, or to one paragraph of it, in the form Chinese readers cite a
 * government document found online — GB/T 7714-2015 (信息与文献 参考文献著录规则), electronic resource:
 *
 *     主要责任者. 题名: 其他题名信息[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径
 *
 * - 主要责任者: the 发文机关 as the notice signs (several joined by “, ”, as the standard joins authors).
 * - 其他题名信息: the standard places a document's number there (a standard's “: GB/T 7714—2015”) and so a
 *   volume or part (“国史旧闻: 第1卷”); we place the 发文字号 and then the item and paragraph, each after “: ”.
 * - [EB/OL]: 电子公告, online — how Chinese journals cite a 政府文件 read on a government site.
 * - (成文日期): the date the document bears; [引用日期]: the day the reader cites it, which only the reader's
 *   browser knows (the page script fills it in; without JavaScript the text says 引用日期, to be filled in).
 * - The URL is the permanent address with the paragraph's anchor. The standard ends an entry with “.”; we do
 *   not after the URL, because a pasted “…#m1.” no longer names the paragraph.
 * Pure: pages give the URLs; nothing here reads the clock or the environment.
 */
import type { DocumentFacts } from '../document/document-facts.ts';
import { itemParagraphs } from '../plan/extract.ts';
import type { Item, Plan } from '../plan/schema.ts';
import { FIELD_NAMES } from '../plan/to-text.ts';
import { paragraphId } from '../generate/item-mdx.ts';

/** What a reference says about the document as a whole: its facts as the plan's document states them (src/document/). */
export type CitedDocument = Pick<DocumentFacts, 'authors' | 'title' | 'docNumber' | 'isoDate'>;

/** One citable part of an item: the item itself or one of its paragraphs. */
export interface CitablePart {
  /** Anchor on the item page (`m2`), or '' for the item as a whole. */
  anchor: string;
  /** How the page names the part beside its reference: 本条, 目标任务, 工作措施第2段, 责任单位. */
  label: string;
  /** Where the part is, as the reference writes it, e.g. 16.推进普通高中事业加快发展: 工作措施第2段. */
  locator: string;
}

/** The placeholder for the day of citing in a reference written before anyone reads it. */
export const ACCESS_DATE_PLACEHOLDER = '引用日期';

/** A label as printed without its colon, e.g. 工作措施： → 工作措施. */
const bare = (label: string) => label.replace(/[：:\s]+$/u, '');

/**
 * The item as the document labels it: its number as printed and its headline, after the section's numeral (and
 * the subsection's) where numbering restarts in each, since “2.” alone would then name several items.
 * @example itemLocator(plan, item16) // '16.推进普通高中事业加快发展'
 */
export function itemLocator(plan: Plan, item: Item): string {
  const depth = item.id.split('-').length;
  const section = plan.sections.find((s) => s.number === item.section);
  const subsection = section?.subsections?.find((s) => s.number === item.subsection);
  const prefix = (depth > 1 && section ? `${section.numeral}${section.separator}` : '') + (depth > 2 && subsection ? subsection.numberText : '');
  return `${prefix}${item.source.numberText.trim()}${item.title}`;
}

/**
 * The item and each of its paragraphs, in reading order, with their anchors: the whole item, then each field's
 * paragraphs (目标任务, or 工作措施第2段 where the field has several; unlabelled text 第N段), and 责任单位 where
 * printed (last, or before a field printed below them).
 */
export function citableParts(plan: Plan, item: Item): CitablePart[] {
  const head = itemLocator(plan, item);
  const parts: CitablePart[] = [{ anchor: '', label: '本条', locator: head }];
  const { units } = item.source;
  const pushUnits = () => {
    if (!item.responsible || !units) return;
    // 牵头单位：…；配合单位：… is one list under two labels: the part names both.
    const label = [units.label, units.partner?.label].filter((l): l is string => Boolean(l)).map(bare).join('、');
    parts.push({ anchor: 'units', label, locator: `${head}: ${label}` });
  };
  // Within a field, paragraphs count from 1 (第2段), whatever kind-wide address their anchor has.
  const firstOfField = new Map<number, number>();
  for (const p of itemParagraphs(item)) {
    if (p.field === 'title') continue;
    // A field printed below the 责任单位 (a 完成时限) comes after them.
    if (p.fieldIndex === units?.beforeField && !firstOfField.has(p.fieldIndex)) pushUnits();
    if (!firstOfField.has(p.fieldIndex)) firstOfField.set(p.fieldIndex, p.paragraph);
    const field = item.fields[p.fieldIndex]!;
    const name = bare(field.label) || (p.field === 'text' ? '' : FIELD_NAMES[p.field]);
    const label = field.paragraphs.length > 1 || !name ? `${name}第${p.paragraph - firstOfField.get(p.fieldIndex)! + 1}段` : name;
    parts.push({ anchor: paragraphId(p), label, locator: `${head}: ${label}` });
  }
  if (units?.beforeField === undefined) pushUnits();
  return parts;
}

/**
 * The reference text around the day of citing: what comes before it and after it, so a page can put the
 * reader's date between them (the copied text is `before + date + after`).
 */
export function citationAround(doc: CitedDocument, locator: string, url: string): { before: string; after: string } {
  const author = doc.authors.length ? `${doc.authors.join(', ')}. ` : '';
  const other = [doc.docNumber, locator].filter(Boolean).map((s) => `: ${s}`).join('');
  const date = doc.isoDate ? `(${doc.isoDate})` : '';
  return { before: `${author}${doc.title}${other}[EB/OL]. ${date}[`, after: `]. ${url}` };
}

/**
 * The whole reference.
 * @example citationText(doc, '16.推进普通高中事业加快发展: 工作措施', 'https://…/2020/items/16/#m1', '2025-01-02')
 * // '湖南省教育厅, 中共湖南省委教育工作委员会. 湖南省教育厅 中共湖南省委教育工委 2020 年工作要点: 16.推进普通高中事业加快发展: 工作措施[EB/OL]. (2020-03-06)[2025-01-02]. https://…/2020/items/16/#m1'
 */
export function citationText(doc: CitedDocument, locator: string, url: string, accessed = ACCESS_DATE_PLACEHOLDER): string {
  const { before, after } = citationAround(doc, locator, url);
  return `${before}${accessed}${after}`;
}
