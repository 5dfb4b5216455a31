/**
 * Deterministic synthetic plans for scale tests: the real plan with every section's items repeated `times`
 * times (renumbered, titles marked with the round), so 10× gives 330 items and 100× gives 3,300, with the same
 * notice, sections, offices and kinds of text; and archives of many such plans, one folder each. Pure: text in,
 * text out.
 */
import type { Plan } from '../plan/schema.ts';
import { closingToLines, itemToLines, sectionHeading } from '../plan/to-text.ts';

/** How a synthetic plan differs from the real one besides its size. */
export interface SyntheticOptions {
  /** Its title (default: the real title, marked with `times` unless 1). */
  title?: string;
  /** Marks the last item's title as revised: an edit of a plan that leaves its pages as they were, but one. */
  revised?: boolean;
  /**
   * Adds an item after the last one (its copy, titled 新增): an edit that adds pages to the plan, and so changes the
   * list of the site's files, as a revised plan that gained an item does.
   */
  added?: boolean;
}

/** The plan text with each section's items repeated `times` times. */
export function syntheticPlanText(plan: Plan, times: number, options: SyntheticOptions = {}): string {
  const lines: string[] = [];
  const n = plan.notice;
  if (n) lines.push(...(n.issuer ? [n.issuer, ''] : []), ...(n.title ? [n.title, ''] : []), ...(n.addressees ? [n.addressees, ''] : []), ...n.body, '', ...n.signatories, n.date, '');
  // A synthetic plan is another document: its own title, so the real plan's editorial notes do not apply to it.
  lines.push(options.title ?? (times === 1 ? plan.title : `${plan.title}（合成测试${times}倍）`), '', ...plan.requirements, '');
  const total = plan.items.length * times;
  let number = 0;
  for (const section of plan.sections) {
    lines.push(sectionHeading(section), '');
    for (let round = 1; round <= times; round++) {
      for (const itemNumber of section.items) {
        const item = plan.items[itemNumber - 1]!;
        number += 1;
        let title = times === 1 ? item.title : `${item.title}（第${round}轮）`;
        if (options.revised && number === total) title += '（修订）';
        const [, ...rest] = itemToLines({ ...item, title, source: { ...item.source, numberText: `${number}.` } });
        lines.push(`${number}.${title}`, '', ...rest.flatMap((l) => [l, '']));
      }
    }
  }
  const last = plan.items.at(-1);
  if (options.added && last) {
    const title = `${last.title}（新增）`;
    const [, ...rest] = itemToLines({ ...last, title, source: { ...last.source, numberText: `${total + 1}.` } });
    lines.push(`${total + 1}.${title}`, '', ...rest.flatMap((l) => [l, '']));
  }
  if (plan.closing) lines.push(...closingToLines(plan.closing).flatMap((l) => [l, '']));
  return lines.join('\n');
}

/** One plan folder of a synthetic archive: its name and files (a source text and a plan.json). */
export interface SyntheticFolder {
  name: string;
  files: Record<string, string>;
}

/**
 * An archive of `count` plans, each the real plan's size, under ids p001…: distinct titles and series (so none
 * replaces another), the office aliases the real plan is read with. `revised` names the plan whose last item is
 * marked revised, `added` the plan that gains an item.
 * @example syntheticArchive(plan, 2, {}).map((f) => f.name) // ['p001', 'p002']
 */
export function syntheticArchive(plan: Plan, count: number, officeAliases: Record<string, string>, revised?: string, added?: string): SyntheticFolder[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `p${String(i + 1).padStart(3, '0')}`;
    const file = `synthetic-plan-${id}.txt`;
    const config = { id, series: `合成测试系列${id}`, source: { file }, officeAliases };
    const text = syntheticPlanText(plan, 1, { title: `${plan.title}（合成测试第${i + 1}份）`, revised: id === revised, added: id === added });
    return { name: id, files: { [file]: text, 'plan.json': `${JSON.stringify(config, null, 2)}\n` } };
  });
}
