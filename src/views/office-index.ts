/**
 * What the office index (/<plan>/offices/) shows of a plan's offices: counts, the list by name, the responsibility
 * matrix and the group entries explained, in the plan's own words. Pure: the page and its components render what
 * this returns.
 */
import { itemByNumber, leadCount, officesByCount, officesByName, roleIn, type Role } from '../plan/links.ts';
import type { Plan } from '../plan/schema.ts';
import { itemName } from '../plan/to-text.ts';

/** One office's row in the table by count. */
export interface OfficeCountRow {
  slug: string;
  name: string;
  aliases: string[];
  lead: number;
  support: number;
  total: number;
}

/** The responsibility matrix: items as columns, offices (by count) as rows, each cell the office's role in the item. */
export interface OfficeMatrixData {
  items: { number: number; id: string; title: string }[];
  rows: { slug: string; name: string; roles: Role[] }[];
}

/** A group entry (相关处室 …) with what it stands for and the items it appears in. */
export interface GroupEntry {
  name: string;
  explanation: string;
  items: { number: number; name: string }[];
}

/** Everything the office index shows. */
export interface OfficeIndex {
  unitsLabel: string;
  byCount: OfficeCountRow[];
  byName: { slug: string; name: string; count: number }[];
  matrix: OfficeMatrixData;
  groups: GroupEntry[];
}

/** The 责任单位 label as the plan prints it (牵头单位, 責任單位 …), without its colon; 责任单位 where none is printed. */
export function unitsLabelOf(plan: Pick<Plan, 'items'>): string {
  return plan.items.find((i) => i.source.units)?.source.units?.label.replace(/[：:]\s*$/u, '') ?? '责任单位';
}

/**
 * What a group entry of 责任单位 (相关处室, …领导小组成员处室) stands for, without naming any one body's offices.
 * @example explainGroup('厅安全工作领导小组成员处室') // '指厅安全工作领导小组的各成员处室，原文未具体列明。'
 */
export function explainGroup(name: string): string {
  if (name === '相关处室') return '泛指与该项工作相关的处室，原文未具体列明。';
  if (name.includes('领导小组')) return `指${name.replace(/成员处室$/u, '')}的各成员处室，原文未具体列明。`;
  return '集体表述，原文未具体列明。';
}

/** The office index of a plan: offices by count (most first) and by name (pinyin order), the matrix, the groups. */
export function officeIndexOf(plan: Plan): OfficeIndex {
  const byCount = officesByCount(plan);
  return {
    unitsLabel: unitsLabelOf(plan),
    byCount: byCount.map((o) => ({
      slug: o.slug,
      name: o.name,
      aliases: o.aliases,
      lead: leadCount(o),
      support: o.items.length - leadCount(o),
      total: o.items.length,
    })),
    byName: officesByName(plan).map((o) => ({ slug: o.slug, name: o.name, count: o.items.length })),
    matrix: {
      items: plan.items.map((i) => ({ number: i.number, id: i.id, title: i.title })),
      rows: byCount.map((o) => ({ slug: o.slug, name: o.name, roles: plan.items.map((i) => roleIn(o, i.number)) })),
    },
    groups: plan.groups.map((g) => ({
      name: g.name,
      explanation: explainGroup(g.name),
      items: g.items.map((n) => ({ number: n, name: itemName(itemByNumber(plan, n)) })),
    })),
  };
}
