/**
 * How a body is laid out, read from all its paragraphs before any is placed: labelled or not, which numbering
 * marks the items, whether （一） headings stand between sections and items, which sections are prose, and whether
 * the plan prints section headings at all.
 */
import { isProseBlock, labelFollows, sectionBlocks } from './body-start.ts';
import { isHeadingTitle, type Look } from './classify.ts';
import type { P } from './item-fields.ts';
import { endsInUnits } from './unit-lines.ts';

/** How the body is laid out, for the reader's summary and for item ids. */
export interface BodyLayout {
  /** Items carry 目标任务/工作措施 labels. */
  labelled: boolean;
  /** Items are `1.` paragraphs, or （一） paragraphs in a plan without `1.` items. */
  itemLevel: 'numbered' | 'subsection';
  /** Subsections （一） between sections and items. */
  subsections: boolean;
  /** How item numbers run. */
  numbering: 'continuous' | 'per-section' | 'per-subsection' | 'irregular';
  /** The plan prints no section headings: its items stand in one implicit section. */
  implicitSection?: true;
  /** Sections of prose (no items), by number. */
  proseSections?: number[];
}

/** The layout as read before the paragraphs are placed (numbering is known only once items are). */
export interface BodyReading {
  labelled: boolean;
  itemLevel: BodyLayout['itemLevel'];
  /** （一） headings are subsections (items are `1.` paragraphs and some （一） stand above them). */
  subsections: boolean;
  /** Indexes of the section headings that open a section of prose. */
  prose: ReadonlySet<number>;
  /** No section heading opens the body: its items stand in one implicit section. */
  implicit: boolean;
}

/** Reads the layout from the body's paragraphs. */
export function readBodyLayout(ps: readonly P[]): BodyReading {
  // A plan is labelled when a numbered heading is followed by a field label (a label in a section's prose, such as
  // 工作目标： under 总体要求, does not make it one).
  const labelled = ps.some((p, i) => (p.look.kind === 'numbered' || p.look.kind === 'subsection') && labelFollows(ps, i));
  const hasSub = ps.some((p) => p.look.kind === 'subsection');
  const blocks = sectionBlocks(ps);
  // （一） are the items when no `1.` paragraph opens a section or subsection; else they are subsections.
  // (A （一） paragraph that runs on as a sentence is an item itself, and a `1.` after it a sub-point.)
  const heading = (look: Look) => look.kind === 'section' || (look.kind === 'subsection' && isHeadingTitle(look.title));
  const opensHeading = ps.some((p, i) => p.look.kind === 'numbered' && i > 0 && heading(ps[i - 1]!.look));
  // A section whose numbered paragraphs stand under no （一） has its items at the `1.` level too.
  const numberedOutsideSub = blocks.some((b) => b.some((p) => p.look.kind === 'numbered') && !b.some((p) => p.look.kind === 'subsection'));
  const itemLevel: BodyLayout['itemLevel'] = opensHeading || numberedOutsideSub || !hasSub ? 'numbered' : 'subsection';
  const planHasUnits = ps.some((p) => (p.look.kind === 'label' && p.look.field === 'units') || endsInUnits(p.text));
  const prose = new Set(blocks.filter((b) => isProseBlock(b.title, b, itemLevel, planHasUnits)).map((b) => b.start));
  // A plan printed without section headings: its items stand in one section with no heading of its own.
  const implicit = ps.length > 0 && ps[0]!.look.kind !== 'section';
  return { labelled, itemLevel, subsections: hasSub && itemLevel === 'numbered', prose, implicit };
}

/**
 * In a plan without section headings, the index of a paragraph that starts a second list numbered from 1 (which
 * cannot be told from the first); -1 when there is none.
 */
export function secondListStart(ps: readonly P[]): number {
  return ps.findIndex((p, i) => i > 0 && p.look.kind === 'numbered' && p.look.number === 1 && ps.slice(i + 1).some((q) => q.look.kind === 'numbered' && q.look.number === 2));
}
