/**
 * What the search page (/<plan>/search/) offers: filters only for what the archive and the plan have (several
 * plans, headed sections, named offices), the words it suggests, and how it describes itself. Pure: the page and
 * its components render what this returns.
 */
import { hasOffices, headedSections, searchExamples } from '../lib/plan-shape.ts';
import { officesByName } from '../plan/links.ts';
import type { Plan } from '../plan/schema.ts';
import { sectionHeading } from '../plan/to-text.ts';

/** A plan of the archive as the year filter offers it. */
export interface PlanChoice {
  id: string;
  years: string;
  current?: boolean;
}

/** The filters and words of the search form; an empty list means no such filter. */
export interface SearchForm {
  /** The plans to choose among (none where the archive holds one plan), with the one shown selected. */
  plans: { value: string; label: string; selected: boolean }[];
  sections: string[];
  offices: { name: string; label: string }[];
  /** How many filters there are (0–3), for the form's columns. */
  filters: number;
  /** The box's placeholder, from the plan's own words; absent when it has none to suggest. */
  placeholder?: string;
  description: string;
}

/** The search form of plan `plan` (id `id`) in an archive of `plans`. */
export function searchFormOf(plan: Plan, id: string, plans: PlanChoice[]): SearchForm {
  const several = plans.length > 1;
  const sections = headedSections(plan).map(sectionHeading);
  // Only offices with items to find: a name met only in the closing paragraph would filter to nothing.
  const offices = hasOffices(plan) ? officesByName(plan).filter((o) => o.items.length > 0) : [];
  const by = [several && '年度', sections.length > 0 && '部分', offices.length > 0 && '处室'].filter(Boolean).join('、');
  const examples = searchExamples(plan);
  return {
    plans: several ? plans.map((q) => ({ value: q.id, label: `${q.years}年${q.current ? '（最新）' : ''}`, selected: q.id === id })) : [],
    sections,
    offices: offices.map((o) => ({ name: o.name, label: `${o.name}（${o.items.length}）` })),
    filters: [several, sections.length > 0, offices.length > 0].filter(Boolean).length,
    ...(examples.length > 0 ? { placeholder: `如 ${examples.join('、')}` } : {}),
    description: `在全文中搜索词语${offices.length > 0 ? '、处室' : ''}或数字${by ? `，可按${by}筛选` : ''}。`,
  };
}
