/**
 * Today's Plan → the items comparison works on. The only file in src/compare that knows the Plan schema:
 * when the schema changes, this adapter changes and nothing else.
 */
import type { Plan } from '../plan/schema.ts';
import type { EditionItem } from './types.ts';

/**
 * One EditionItem per plan item, in plan order: text = every field's paragraphs in order, offices = the canonical
 * names of the named offices (groups such as 相关处室 are not offices and are left out).
 * @example planToEditionItems(plan)[0]!.id // '1'
 */
export function planToEditionItems(plan: Plan): EditionItem[] {
  const sectionTitle = new Map(plan.sections.map((s) => [s.number, s.title]));
  const officeName = new Map(plan.offices.map((o) => [o.slug, o.name]));
  return plan.items.map((item) => {
    const offices: string[] = [];
    for (const unit of item.responsible?.units ?? []) {
      if (unit.kind !== 'office') continue;
      // Slugs come from canonical names, so the office table gives the canonical name of an alias.
      const name = (unit.office && officeName.get(unit.office)) ?? unit.name;
      if (!offices.includes(name)) offices.push(name);
    }
    return {
      id: item.id,
      section: sectionTitle.get(item.section) ?? '',
      title: item.title,
      text: item.fields.flatMap((f) => f.paragraphs).join('\n'),
      offices,
    };
  });
}
