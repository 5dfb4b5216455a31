/**
 * Where the body of a plan starts, and which of its sections are prose. A plan's body starts at its first section
 * heading 一、…; a plan of numbered paragraphs printed with no section headings at all starts at its item 1.
 */
import { lookOf, type Look } from './classify.ts';
import type { SourceLine } from './source.ts';
import { endsInUnits } from './unit-lines.ts';
import { PROSE_SECTION_TITLES } from './vocabulary.ts';

/**
 * Index of the paragraph where the body starts: the first section heading; without one, the first paragraph
 * numbered 1 that a paragraph numbered 2 follows (a plan of numbered paragraphs with no sections); else -1.
 */
export function findBodyStart(ps: readonly SourceLine[]): number {
  const looks = ps.map((p) => (p.table ? undefined : lookOf(p.text)));
  const section = looks.findIndex((l) => l?.kind === 'section');
  if (section !== -1) return section;
  const one = looks.findIndex((l) => l?.kind === 'numbered' && l.number === 1 && l.rest !== '');
  if (one === -1) return -1;
  return looks.slice(one + 1).some((l) => l?.kind === 'numbered' && l.number === 2) ? one : -1;
}

/**
 * True when the paragraphs under a section heading (up to the next) are prose: no item numbers of the plan's item
 * level, no field label and no 责任单位. A first section 一、总体要求 (its （一）指导思想 （二）基本原则 among
 * its paragraphs) or a last 保障措施 is such a section. Where items are the （一） paragraphs, a section of them
 * is prose only when the plan names 责任单位 elsewhere and this section names none. A section titled as the
 * plan's requirements (总体要求, 保障措施 …) is prose whenever it names no 责任单位 and no label.
 */
export function isProseBlock(title: string, block: readonly (SourceLine & { look: Look })[], itemLevel: 'numbered' | 'subsection', planHasUnits: boolean): boolean {
  const units = block.some((p) => (p.look.kind === 'label') || endsInUnits(p.text));
  if (units) return false;
  if (PROSE_SECTION_TITLES.has(title.replace(/[。.]$/u, '').trim())) return true;
  if (itemLevel === 'numbered') return !block.some((p) => p.look.kind === 'numbered');
  return planHasUnits || !block.some((p) => p.look.kind === 'subsection');
}
