/**
 * What a plan's home page (/<plan>/) shows besides the plan's own text: its key figures and its contents (sections
 * with their items, or the items alone, and the attachments). Pure: the page renders what this returns.
 */
import { hasOffices, hasSections } from '../lib/plan-shape.ts';
import { itemByNumber } from '../plan/links.ts';
import type { Item, Plan } from '../plan/schema.ts';
import { itemLabel, sectionHeading } from '../plan/to-text.ts';

/** The pages a figure links to. */
export type FigurePage = 'full' | 'offices' | 'targets' | 'citations';

/** One key figure: a count, what it counts, and the page that lists them. */
export interface HomeFigure {
  value: number;
  label: string;
  page: FigurePage;
}

/** An item as the contents list it: its number as printed and its title. */
export interface ItemEntry {
  number: number;
  text: string;
}

/** The home page's contents. `sections` where the plan has headings, else `items`; never both. */
export interface HomeContents {
  heading: string;
  sections?: { number: number; heading: string; items: ItemEntry[]; paragraphs: number }[];
  items?: ItemEntry[];
  attachments: { id: string; text: string }[];
}

const entry = (i: Item): ItemEntry => ({ number: i.number, text: `${itemLabel(i)} ${i.title}` });

/** Figures of what the plan has: no 方面 for a plan without section headings, no 处室 for one without 责任单位. */
export function homeFigures(plan: Plan): HomeFigure[] {
  return [
    ...(hasSections(plan) ? [{ value: plan.sections.length, label: '个方面', page: 'full' as const }] : []),
    { value: plan.items.length, label: '项工作', page: 'full' },
    ...(hasOffices(plan) ? [{ value: plan.offices.length, label: '个责任处室', page: 'offices' as const }] : []),
    { value: plan.targets.length, label: '个量化指标', page: 'targets' },
    { value: plan.citations.length, label: '份引用文件', page: 'citations' },
  ];
}

/** The contents: sections with their items (or, for a section of prose, how many paragraphs it has), or the items. */
export function homeContents(plan: Plan): HomeContents {
  const sectioned = hasSections(plan);
  return {
    heading: `${sectioned ? `${plan.sections.length}个方面、` : ''}${plan.items.length}项工作`,
    ...(sectioned
      ? {
          sections: plan.sections.map((s) => ({
            number: s.number,
            heading: sectionHeading(s),
            items: s.items.map((n) => entry(itemByNumber(plan, n))),
            paragraphs: s.intro?.length ?? 0,
          })),
        }
      : { items: plan.items.map(entry) }),
    attachments: plan.attachments.map((a) => ({ id: a.id, text: `${a.mark}${a.title ? `：${a.title}` : ''}` })),
  };
}
