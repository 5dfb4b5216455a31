/**
 * Lines → paragraphs. INTERIM: joins page breaks as the old parser did; replaced by the text-layout module.
 */
import { joinPageBreak } from './normalize.ts';
import type { Problem } from './problem.ts';
import type { Furniture, SourceLine } from './source.ts';

export interface Settled {
  paragraphs: SourceLine[];
  removed: Furniture[];
  warnings: Problem[];
  problems: Problem[];
  layout: { hardWrapped: false } | { hardWrapped: true; width: number };
}

/** Groups lines into paragraphs. */
export function settleParagraphs(lines: readonly SourceLine[]): Settled {
  const paragraphs: SourceLine[] = [];
  for (const line of lines) {
    const last = paragraphs[paragraphs.length - 1];
    if (line.table) paragraphs.push(line);
    else if (last && !last.table && line.para === 'continue') {
      paragraphs[paragraphs.length - 1] = { ...last, text: joinPageBreak(last.text, line.text) };
    } else paragraphs.push(line);
  }
  return { paragraphs, removed: [], warnings: [], problems: [], layout: { hardWrapped: false } };
}

