/**
 * Deterministic synthetic plans for scale tests: the real plan with every section's items repeated `times`
 * times (renumbered, titles marked with the round), so 10× gives 330 items and 100× gives 3,300, with the same
 * notice, sections, offices and kinds of text. Pure: text in, text out.
 */
import type { Plan } from '../plan/schema.ts';
import { closingToLines, itemToLines, sectionHeading } from '../plan/to-text.ts';

/** The plan text with each section's items repeated `times` times. */
export function syntheticPlanText(plan: Plan, times: number): string {
  const lines: string[] = [];
  const n = plan.notice;
  if (n) lines.push(...(n.issuer ? [n.issuer, ''] : []), n.title, '', ...(n.addressees ? [n.addressees, ''] : []), ...n.body, '', ...n.signatories, n.date, '');
  // A synthetic plan is another document: its own title, so the real plan's editorial notes do not apply to it.
  lines.push(times === 1 ? plan.title : `${plan.title}（合成测试：${times}倍）`, '', ...plan.requirements, '');
  let number = 0;
  for (const section of plan.sections) {
    lines.push(sectionHeading(section), '');
    for (let round = 1; round <= times; round++) {
      for (const itemNumber of section.items) {
        const item = plan.items[itemNumber - 1]!;
        number += 1;
        const title = times === 1 ? item.title : `${item.title}（第${round}轮）`;
        const [, ...rest] = itemToLines({ ...item, title, source: { ...item.source, numberText: `${number}.` } });
        lines.push(`${number}.${title}`, '', ...rest.flatMap((l) => [l, '']));
      }
    }
  }
  if (plan.closing) lines.push(...closingToLines(plan.closing).flatMap((l) => [l, '']));
  return lines.join('\n');
}
