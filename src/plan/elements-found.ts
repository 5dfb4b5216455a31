/**
 * The 公文 elements of a read plan in the order the document has them, so the summary a person confirms shows a
 * notice read in gazette order (title, then 发文字号) or with its 发文字号 first as it was found. Pure.
 */
import type { Plan } from './schema.ts';
import type { SourceLine } from './source.ts';

// The first text of each element, by its standard name (elementsOf in parse-plan.ts names them).
function firstTextOf(name: string, plan: Plan): string | undefined {
  const n = plan.notice;
  if (name.startsWith('附件×')) return plan.attachments[0]?.mark;
  const texts: Record<string, string | undefined> = {
    版头标记: n?.headMarks?.[0],
    发文机关标志: n?.issuer,
    发文字号: n?.docNumber,
    签发人: n?.signer,
    标题: n?.title,
    主送机关: n?.addressees,
    正文: n?.body[0],
    // The notice's 附件说明, or the plan's own after its closing (a document with both finds the second in place).
    附件说明: n?.attachmentNote?.[0] ?? plan.attachmentNote?.[0],
    发文机关署名: n?.signatories[0] ?? plan.signature?.signatories[0],
    成文日期: n?.date ?? plan.signature?.date,
    附注: n?.notes?.[0] ?? plan.signature?.notes?.[0],
    工作要点: plan.title,
    结束语: plan.closing?.paragraphs[0],
    版记: plan.colophon?.lines[0],
  };
  return texts[name];
}

/**
 * Orders element names by the paragraph each starts at. Each paragraph is claimed once, in the standard order,
 * so an issuer and a signatory with the same name fall on their own lines; an element whose text is not found
 * as a paragraph of its own keeps its standard place after the one before it.
 * @example orderFound(['发文字号', '标题'], plan, paragraphs) // ['标题', '发文字号'] for a notice in gazette order
 */
export function orderFound(elements: readonly string[], plan: Plan, paragraphs: readonly SourceLine[]): string[] {
  const claimed = new Set<number>();
  let previous = -1;
  const at = elements.map((name, k) => {
    const text = firstTextOf(name, plan);
    const free = (match: (p: string) => boolean) => paragraphs.findIndex((p, i) => !claimed.has(i) && p.table === undefined && match(p.text));
    // The paragraph that is the element; else the first line of an element printed over several lines.
    const found = text === undefined ? -1 : [free((p) => p === text), free((p) => text.startsWith(p))].find((i) => i !== -1) ?? -1;
    if (found !== -1) claimed.add(found);
    previous = found !== -1 ? found : previous;
    // Not found: right after the element before it, keeping the standard order among such elements.
    return { name, at: found !== -1 ? found : previous + 0.001 * (k + 1) };
  });
  return at.sort((a, b) => a.at - b.at).map((e) => e.name);
}
