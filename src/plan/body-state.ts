/**
 * The body while it is read, paragraph by paragraph: the sections found so far, the item drafts, the item being
 * read, the closing once it has begun — and the questions each paragraph's reader asks of them.
 */
import { readClosingLine, type ClosingDraft } from './body-closing.ts';
import type { BodyReading } from './body-layout.ts';
import { labelFollows } from './body-start.ts';
import { lookOf } from './classify.ts';
import type { Draft, P } from './item-fields.ts';
import { continuesAcrossBreak, joinPageBreak } from './normalize.ts';
import { excerpt, problem, type Problem } from './problem.ts';
import type { Section, Subsection } from './schema.ts';

/** What the reader of a body holds between paragraphs. */
export interface BodyState {
  /** The body's paragraphs with their looks. */
  readonly ps: readonly P[];
  readonly reading: BodyReading;
  readonly sections: Section[];
  /** Every item started, in order. */
  readonly drafts: Draft[];
  /** The item being read, until a section or subsection heading ends it. */
  draft: Draft | undefined;
  /** The closing paragraph, once it has begun: every paragraph after it belongs to it. */
  closing: ClosingDraft | undefined;
  /** The current section is prose: its paragraphs are its own text. */
  inProse: boolean;
  readonly problems: Problem[];
  readonly warnings: Problem[];
}

/** The section read last. */
export const currentSection = (s: BodyState): Section | undefined => s.sections[s.sections.length - 1];

/** The subsection read last in the current section, where the plan has subsections. */
export function currentSub(s: BodyState): Subsection | undefined {
  const section = currentSection(s);
  return s.reading.subsections ? section?.subsections?.[section.subsections.length - 1] : undefined;
}

/**
 * True when paragraph i opens an item: it carries the item level's numbering and, in a labelled plan, a label
 * follows it; in a plan of numbered paragraphs, its number is the next in sequence (or 1 under a new heading).
 */
export function isItemHeading(s: BodyState, p: P, i: number): boolean {
  const look = p.look;
  if (look.kind !== 'numbered' && look.kind !== 'subsection') return false;
  if (look.kind !== (s.reading.itemLevel === 'numbered' ? 'numbered' : 'subsection')) return false;
  const section = currentSection(s);
  if (!section) return true; // reported as item-before-section
  if (s.reading.labelled) {
    // A heading of a labelled item is followed by a label, possibly after a paragraph or two without one;
    // a numbered line followed by another heading or a 责任单位 line is a sub-point.
    return labelFollows(s.ps, i);
  }
  const printed = look.number;
  const last = s.drafts[s.drafts.length - 1]?.printed ?? 0;
  const draft = s.draft;
  if (draft?.subList !== undefined && printed === draft.subList + 1) {
    if (printed !== last + 1) return false;
    s.problems.push(problem(p.line, p.column, 'item-or-sub-point', `Line ${p.line} (“${excerpt(p.text)}”) could be item ${printed} or point ${printed} of the numbered list inside item ${draft.numberText.trim()}; both read the same, so the reader cannot tell which it is.`));
    return false;
  }
  const inThisHeading = draft && draft.section === section.number && draft.subsection === currentSub(s)?.number;
  return printed === last + 1 || (printed === 1 && !inThisHeading);
}

/** True when an item heading or a section heading comes after paragraph i. */
export function laterItems(s: BodyState, i: number): boolean {
  return s.ps.slice(i + 1).some((p, k) => isItemHeading(s, p, i + 1 + k) || p.look.kind === 'section');
}

/** Starts the closing paragraph at p. */
export function startClosing(s: BodyState, p: P) {
  s.closing = { lines: [], at: p };
  readClosingLine(s.closing, p, s.problems);
}

/**
 * Adds a paragraph to a section's own text, joining one cut by a page break — never a heading or a label, which
 * end without a full stop, to what follows it.
 */
export function addIntro(section: Section, p: P) {
  section.intro ??= [];
  const last = section.intro.length - 1;
  if (last >= 0 && p.look.kind === 'text' && lookOf(section.intro[last]!).kind === 'text' && continuesAcrossBreak(section.intro[last]!, p)) {
    section.intro[last] = joinPageBreak(section.intro[last]!, p.text);
  } else section.intro.push(p.text);
}
