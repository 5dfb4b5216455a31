/**
 * Where the body of a plan starts, and which of its sections are prose. A plan's body starts at its first section
 * heading 一、…; a plan of numbered paragraphs printed with no section headings at all starts at its item 1.
 */
import { lookOf, type Look } from './classify.ts';
import type { SourceLine } from './source.ts';
import { endsInUnits } from './unit-lines.ts';
import { isItemOnlyLabel, PROSE_SECTION_TITLES } from './vocabulary.ts';

/** A paragraph with its look. */
type Looked = SourceLine & { look: Look };

/**
 * Index of the paragraph where the body starts: the first section heading; without one, the first paragraph
 * numbered 1 that a paragraph numbered 2 follows (a plan of numbered paragraphs with no sections), else the first
 * （一） that a （二） follows (a short plan of （一） paragraphs); else -1.
 */
export function findBodyStart(ps: readonly SourceLine[]): number {
  const looks = ps.map((p) => (p.table ? undefined : lookOf(p.text)));
  const section = looks.findIndex((l) => l?.kind === 'section');
  if (section !== -1) return section;
  const first = (kind: 'numbered' | 'subsection') => {
    const one = looks.findIndex((l) => l?.kind === kind && l.number === 1);
    return one !== -1 && looks.slice(one + 1).some((l) => l?.kind === kind && l.number === 2) ? one : -1;
  };
  const numbered = first('numbered');
  return numbered !== -1 ? numbered : first('subsection');
}

/**
 * True when the paragraphs under a section heading (up to the next) are prose: no item numbers of the plan's item
 * level, no label that stands only in items (目标任务, 责任单位 …) and no 责任单位 in brackets. A first section 一、总体要求 (its （一）指导思想 （二）基本原则 among
 * its paragraphs) or a last 保障措施 is such a section. Where items are the （一） paragraphs, a section of them
 * is prose only when the plan names 责任单位 elsewhere and this section names none. A section titled as the
 * plan's requirements (总体要求, 保障措施 …) is prose whenever it names no 责任单位 and no label.
 */
export function isProseBlock(title: string, block: readonly Looked[], itemLevel: 'numbered' | 'subsection', planHasUnits: boolean): boolean {
  const units = block.some((p) => (p.look.kind === 'label' && isItemOnlyLabel(p.look.label)) || endsInUnits(p.text));
  if (units) return false;
  if (PROSE_SECTION_TITLES.has(title.replace(/[。.]$/u, '').trim())) return true;
  if (itemLevel === 'numbered') return !block.some((p) => p.look.kind === 'numbered');
  return planHasUnits || !block.some((p) => p.look.kind === 'subsection');
}

/** True when a label of an item's field follows paragraph i, possibly after a paragraph or two of text. */
export function labelFollows(ps: readonly Looked[], i: number): boolean {
  for (let k = i + 1; k < Math.min(ps.length, i + 4); k++) {
    const next = ps[k]!.look;
    if (next.kind === 'label') return next.field !== 'units';
    if (next.kind !== 'text') return false;
  }
  return false;
}

/** The paragraphs under each section heading, up to the next, with the heading's index and title. */
export function sectionBlocks(ps: readonly Looked[]): (Looked[] & { start: number; title: string })[] {
  const out: (Looked[] & { start: number; title: string })[] = [];
  ps.forEach((p, i) => {
    if (p.look.kind === 'section') out.push(Object.assign([] as Looked[], { start: i, title: p.look.title }));
    else out[out.length - 1]?.push(p);
  });
  return out;
}
