/**
 * The body finished once every paragraph is placed: drafts made items with their ids, headings left without items
 * reported, the closing paragraph checked, and the layout as found.
 */
import type { BodyLayout } from './body-layout.ts';
import { finishItems, reportMissingFields } from './body-items.ts';
import type { BodyState } from './body-state.ts';
import { lookOf } from './classify.ts';
import { assignIds, numberingOf } from './item-numbering.ts';
import { problem } from './problem.ts';
import type { Closing, Item, Section } from './schema.ts';
import type { SourceLine } from './source.ts';

/** Sections, items and closing, with the layout found. */
export interface ParsedBody {
  sections: Section[];
  items: Item[];
  closing?: Closing | undefined;
  layout: BodyLayout;
}

/** The body as read, from the state its paragraphs left. */
export function finishBody(s: BodyState, paragraphs: readonly SourceLine[]): ParsedBody {
  const { sections, drafts, problems, warnings, reading } = s;
  const numbered = finishItems(drafts, sections, problems, warnings);
  if (drafts.length === 0 && sections.length > 0 && problems.length === 0) {
    const at = s.ps[0]!;
    problems.push(problem(at.line, at.column, 'no-items', `The body (from line ${at.line}) is prose under section headings: no paragraph in it is numbered as an item (1.… or （一）…), and the reader reads a plan as numbered items, so it cannot read this one.`));
  }
  reportEmptyHeadings(s, paragraphs);
  if (reading.labelled) reportMissingFields(numbered, warnings);
  const numbering = numberingOf(numbered, sections);
  const items = assignIds(numbered, numbering, problems, warnings);
  // In a plan of numbered paragraphs without 责任单位, nothing marks where the last item ends and a closing begins.
  const lastItem = drafts[drafts.length - 1];
  if (!reading.labelled && lastItem && !lastItem.closed && !s.closing && lastItem.fields.some((f) => f.paragraphs.length > 1)) {
    warnings.push(problem(lastItem.at.line, lastItem.at.column, 'closing-unsure', `Item ${lastItem.numberText.trim()} is the last item and has several paragraphs; nothing in the text marks where it ends, so the reader keeps them all in the item (none is read as a closing paragraph).`));
  }
  const proseSections = sections.filter((sec) => sec.items.length === 0).map((sec) => sec.number);
  return {
    sections,
    items,
    closing: closingOf(s),
    // Subsections as found: a prose section's （一） headings are its text, not subsections.
    layout: {
      labelled: reading.labelled,
      itemLevel: reading.itemLevel,
      subsections: sections.some((sec) => (sec.subsections?.length ?? 0) > 0),
      numbering,
      ...(reading.implicit ? { implicitSection: true as const } : {}),
      ...(proseSections.length > 0 ? { proseSections } : {}),
    },
  };
}

/** Subsections with no items, and sections with neither items nor text of their own, once the plan has items. */
function reportEmptyHeadings(s: BodyState, paragraphs: readonly SourceLine[]) {
  for (const section of s.sections) {
    for (const sub of section.subsections ?? []) {
      if (sub.items.length > 0) continue;
      const at = paragraphs.find((p) => p.text === `${sub.numberText}${sub.title}`);
      s.problems.push(problem(at?.line ?? 1, at?.column ?? 1, 'empty-subsection', `Subsection ${sub.numberText}${sub.title} of section ${section.numeral} has no items under it.`));
    }
    if (section.items.length === 0 && !(section.intro && section.intro.length > 0) && s.drafts.length > 0) {
      const at = paragraphs.find((p) => {
        const look = lookOf(p.text);
        return look.kind === 'section' && look.title === section.title;
      });
      s.problems.push(problem(at?.line ?? 1, at?.column ?? 1, 'empty-section', `Section ${section.numeral}${section.separator}${section.title} has no items under it.`));
    }
  }
}

/** The closing paragraph, when it names its 责任单位 (else reported). */
function closingOf(s: BodyState): Closing | undefined {
  const closing = s.closing;
  if (!closing || closing.lines.length === 0) return undefined;
  if (closing.units) return { paragraphs: closing.lines, responsible: closing.units.read.list, units: closing.units.source };
  s.problems.push(problem(closing.at.line, closing.at.column, 'closing-without-units', `The plan ends with paragraphs after the last item's 责任单位 (from line ${closing.at.line}) but they name no 责任单位; the reader cannot tell whether they close the plan or belong to an item.`));
  return undefined;
}
