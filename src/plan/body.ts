/**
 * The body of a plan: sections, optional subsections, items and the closing paragraph, in every layout of the
 * genre read into one model. Items are found by their numbering, confirmed by what follows them: in a labelled
 * plan an item heading is followed by a label (目标任务, 工作措施 …); in a plan of numbered paragraphs an item's
 * number is the next in sequence (through the plan, or restarting in each section). Any other numbered line is a
 * sub-point and stays a paragraph of the item it stands in. A section with no items is prose (一、总体要求); a plan
 * with no section headings is one implicit section.
 *
 * The layout is read first from all paragraphs (body-layout.ts); then each paragraph is placed by what it is — a
 * section or subsection heading, an item heading, a labelled paragraph (body-labels.ts), text, or a line of the
 * closing — into the state (body-state.ts); the body is finished last (body-finish.ts).
 */
import { readClosingLine } from './body-closing.ts';
import { finishBody, type ParsedBody } from './body-finish.ts';
import { readLabel } from './body-labels.ts';
import { readBodyLayout, secondListStart } from './body-layout.ts';
import { addIntro, currentSection, currentSub, isItemHeading, laterItems, startClosing, type BodyState } from './body-state.ts';
import { isHeadingTitle, lookOf, type Look } from './classify.ts';
import { addParagraph, startItem, type ItemLook, type P } from './item-fields.ts';
import { excerpt, problem, type Problem } from './problem.ts';
import type { SourceLine } from './source.ts';

export type { BodyLayout } from './body-layout.ts';
export type { ParsedBody } from './body-finish.ts';

/** Reads the body paragraphs (from the first heading on). */
export function parseBody(paragraphs: readonly SourceLine[], problems: Problem[], warnings: Problem[]): ParsedBody {
  const ps: P[] = paragraphs.map((p) => ({ ...p, look: p.table ? { kind: 'text' } : lookOf(p.text) }));
  const reading = readBodyLayout(ps);
  const s: BodyState = { ps, reading, sections: [], drafts: [], draft: undefined, closing: undefined, inProse: false, problems, warnings };
  if (reading.implicit) {
    s.sections.push({ number: 1, numeral: '', separator: '', title: '', implicit: true, items: [] });
    // Without section headings, a second list numbered from 1 cannot be told from the first.
    const again = secondListStart(ps);
    if (again !== -1) {
      const p = ps[again]!;
      problems.push(problem(p.line, p.column, 'numbering-restarts-without-sections', `Line ${p.line} (“${excerpt(p.text)}”) starts a second list numbered from 1 (the first starts at line ${ps[0]!.line}), and the plan has no section headings (一、…) to tell the lists apart, so the reader cannot tell which numbered paragraphs are the plan's items.`));
      return { sections: s.sections, items: [], layout: { labelled: reading.labelled, itemLevel: reading.itemLevel, subsections: false, numbering: 'irregular', implicitSection: true } };
    }
  }
  for (let i = 0; i < ps.length; i++) i = readParagraph(s, i);
  return finishBody(s, paragraphs);
}

/** Places paragraph i by what it is; returns the index of the last paragraph it took. */
function readParagraph(s: BodyState, i: number): number {
  const p = s.ps[i]!;
  const look = p.look;
  if (p.table) {
    s.problems.push(problem(p.line, p.column, 'table-in-plan', `Line ${p.line} is a table inside the plan's sections; the reader takes tables only inside an 附件, so it cannot place this one.`));
  } else if (s.closing) {
    readClosingLine(s.closing, p, s.problems);
  } else if (look.kind === 'section') {
    readSectionHeading(s, p, look, i);
  } else if (s.inProse) {
    // A section of prose: every paragraph, its （一） headings among them, is the section's own text; a heading
    // is never joined to the paragraph below it, though it does not end a sentence.
    addIntro(currentSection(s)!, p);
  } else if (look.kind === 'subsection' && readSubsectionHeading(s, p, look)) {
    // read as a subsection heading (or reported)
  } else if ((look.kind === 'numbered' || look.kind === 'subsection') && isItemHeading(s, p, i)) {
    readItemHeading(s, p, look);
  } else if (look.kind === 'label') {
    return readLabel(s, p, look, i);
  } else readText(s, p, i);
  return i;
}

/** 一、…: a new section, which ends the item being read. */
function readSectionHeading(s: BodyState, p: P, look: Extract<Look, { kind: 'section' }>, i: number) {
  s.draft = undefined;
  const expected = s.sections.length + 1;
  if (look.number !== expected) {
    s.problems.push(problem(p.line, p.column, 'section-number-order', `The section heading ${look.numeral}${look.separator} (section ${look.number}) comes where section ${expected} was expected, so the reader cannot tell whether it is a section heading or text.`));
  }
  s.sections.push({ number: expected, numeral: look.numeral, separator: look.separator, title: look.title, items: [] });
  s.inProse = s.reading.prose.has(i);
}

/** （一）…: a subsection heading where the plan has subsections; false when the paragraph is something else. */
function readSubsectionHeading(s: BodyState, p: P, look: Extract<Look, { kind: 'subsection' }>): boolean {
  if (!s.reading.subsections) return false;
  if (s.reading.implicit) {
    s.problems.push(problem(p.line, p.column, 'subsection-without-section', `Line ${p.line} (“${excerpt(p.text)}”) is a subsection heading ${look.numberText}, but the plan has no section heading (一、…) above it: its items start at line ${s.ps[0]!.line} without one, so the reader cannot tell which level the headings are.`));
    return true;
  }
  // A （一） that runs on as a sentence inside an open item is a sub-point of it.
  if (s.draft && !s.draft.closed && !isHeadingTitle(look.title)) return false;
  const section = currentSection(s);
  if (!section) return false;
  s.draft = undefined;
  section.subsections ??= [];
  const expected = section.subsections.length + 1;
  if (look.number !== expected) {
    s.problems.push(problem(p.line, p.column, 'subsection-number-order', `The subsection heading ${look.numberText} comes where subsection ${expected} of section ${section.numeral}、 was expected, so the reader cannot tell whether it is a heading or text.`));
  }
  section.subsections.push({ number: expected, numberText: look.numberText, title: look.title, items: [] });
  return true;
}

/** An item's numbered heading: a new draft in the current section (and subsection). */
function readItemHeading(s: BodyState, p: P, look: ItemLook) {
  const section = currentSection(s);
  if (!section) {
    s.problems.push(problem(p.line, p.column, 'item-before-section', `Line ${p.line} is numbered like an item (${excerpt(p.text)}), but no section heading such as 一、… comes before it.`));
    return;
  }
  s.draft = startItem(p, look, section.number, currentSub(s)?.number, s.reading.labelled);
  s.drafts.push(s.draft);
}

/** Plain text, a sub-point, or a numbered line that is not an item: the item's text, a section's, or the closing. */
function readText(s: BodyState, p: P, i: number) {
  const draft = s.draft;
  if (!draft) {
    const section = currentSection(s);
    if (section && section.items.length === 0 && !section.subsections) {
      addIntro(section, p);
      return;
    }
    const sub = currentSub(s);
    const message = sub
      ? `Line ${p.line} (“${excerpt(p.text)}”) is a paragraph under the subsection heading ${sub.numberText}${excerpt(sub.title)}, before any numbered item of it, while other parts of section ${s.sections[s.sections.length - 1]!.numeral} have numbered items; the reader cannot tell whether the subsection is prose or a group of items.`
      : `Line ${p.line} (“${excerpt(p.text)}”) stands between a heading and the first item under it; the reader has no place for text there.`;
    s.problems.push(problem(p.line, p.column, 'unexpected-text', message));
    return;
  }
  if (draft.closed) {
    if (!laterItems(s, i)) startClosing(s, p);
    else s.problems.push(problem(p.line, p.column, 'unexpected-text', `Line ${p.line} (“${excerpt(p.text)}”) follows the 责任单位 of item ${draft.numberText.trim()}, which ends that item, and comes before the next item.`));
    return;
  }
  if (p.look.kind === 'numbered') draft.subList = p.look.number;
  addParagraph(draft, p.text, p, s.warnings);
}
