/**
 * What a plan's pages may say about it, from the plan itself: whether it has section headings to navigate, 责任单位
 * to index, which labels its items print (目标任务/工作措施 or none), and the script it is printed in. Pages ask
 * here instead of assuming the layout of the plan the site was first made for. Pure: no Astro, no files.
 */
import { fromMainland, toMainland } from '../search/converters.ts';
import type { Field, Item, Plan, Section } from '../plan/schema.ts';
import { FIELD_NAMES } from '../plan/to-text.ts';

/** The sections a reader can navigate to: every section with a heading of its own (not the implicit one). */
export function headedSections(plan: Pick<Plan, 'sections'>): Section[] {
  return plan.sections.filter((s) => !s.implicit);
}

/** True when the plan is divided by headings such as 一、 (false for a plan of numbered paragraphs alone). */
export function hasSections(plan: Pick<Plan, 'sections'>): boolean {
  return headedSections(plan).length > 0;
}

/**
 * True when some 责任单位 is named (an office or a collective entry such as 相关处室): only then does the plan have
 * offices to index. A plan without any gets no 处室 pages, links or figures.
 */
export function hasOffices(plan: Pick<Plan, 'offices' | 'groups'>): boolean {
  return plan.offices.length > 0 || plan.groups.length > 0;
}

/** A label as pages name it: without its colon, e.g. 目标任务： → 目标任务. */
const bare = (label: string) => label.replace(/[：:]\s*$/u, '').trim();

/**
 * The words the plan's own items are made of, in order of first use: the field labels it prints (目标任务, 工作措施,
 * 主要任务 …) and its 责任单位 label. Empty for a plan of unlabelled paragraphs without units.
 * @example planParts(seedPlan) // ['目标任务', '工作措施', '责任单位']
 */
export function planParts(plan: Pick<Plan, 'items' | 'closing'>): string[] {
  const words: string[] = [];
  const add = (w: string) => {
    if (w && !words.includes(w)) words.push(w);
  };
  for (const item of plan.items) for (const f of item.fields) add(bare(f.label));
  for (const item of plan.items) if (item.responsible && item.source.units) add(bare(item.source.units.label));
  return words;
}

/**
 * How a page names the part of an item a span lies in: the item's own label (目标任务, 主要任务 …), 标题 for the
 * headline, 正文 for unlabelled text.
 * @example fieldName(item16, 'measures') // '工作措施'
 */
export function fieldName(item: Pick<Item, 'fields'>, field: Field): string {
  const label = field === 'title' ? '' : bare(item.fields.find((f) => f.kind === field)?.label ?? '');
  return label || FIELD_NAMES[field];
}

/**
 * What a plan holds, for descriptions: `2个方面10项工作的目标任务、工作措施和责任单位`, or `10项工作` when it has
 * neither headings nor labels.
 */
export function contentsPhrase(plan: Pick<Plan, 'sections' | 'items' | 'closing'>): string {
  const sections = headedSections(plan).length;
  const count = `${sections > 0 ? `${sections}个方面` : ''}${plan.items.length}项工作`;
  const parts = planParts(plan);
  if (parts.length === 0) return count;
  const listed = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`;
  return `${count}的${listed}`;
}

/**
 * Words of the plan itself to suggest in a search box: the office that leads the most items and the first
 * quantitative target; none for a plan with neither (the box then says only what it searches).
 * @example searchExamples(seedPlan) // ['基教处', '93%']
 */
export function searchExamples(plan: Pick<Plan, 'offices' | 'targets'>): string[] {
  const leads = (o: Plan['offices'][number]) => o.items.filter((i) => i.lead).length;
  const leader = [...plan.offices].sort((a, b) => leads(b) - leads(a) || a.slug.localeCompare(b.slug))[0];
  return [leader?.name, plan.targets[0]?.text].filter((w): w is string => Boolean(w));
}

/** The HTML language of a plan's pages: as the plan is printed, simplified (zh-CN) or traditional (zh-Hant). */
export type PlanLang = 'zh-CN' | 'zh-Hant';

/**
 * The script the plan is printed in, told from its text: characters that only traditional writing uses (opencc
 * changes them to simplified) against those only simplified writing uses. A text in neither (all characters shared)
 * is taken as simplified, the common case. Decided on the title, 总体要求 and item headlines: enough text, and
 * the official text a reader sees first.
 * @example planLang({ title: '某某廳2021年工作要點', requirements: [], items: [] }) // 'zh-Hant'
 */
export function planLang(plan: Pick<Plan, 'title' | 'requirements' | 'items'>): PlanLang {
  const text = [plan.title, ...plan.requirements, ...plan.items.map((i) => i.title)].join('');
  let traditional = 0;
  let simplified = 0;
  const [toSimplified, toTraditional] = [toMainland()[0]!, fromMainland()[0]!];
  for (const ch of new Set(text)) {
    if (toSimplified(ch) !== ch) traditional++;
    else if (toTraditional(ch) !== ch) simplified++;
  }
  return traditional > simplified ? 'zh-Hant' : 'zh-CN';
}
