/**
 * Plain text → SourceDocument: the lines the text itself carries (normalize.ts toSourceLines: blank lines,
 * indents, form-feed pages). Paragraphs and furniture are left to the core (layout.ts).
 */
import { toSourceLines } from '../plan/normalize.ts';
import type { SourceDocument } from '../plan/source.ts';

export { indentWidth } from '../plan/normalize.ts';

/** Decoded text as a SourceDocument; `encoding` is how the bytes were decoded. */
export function textToSourceDocument(text: string, encoding?: string): SourceDocument {
  return { format: 'text', ...(encoding ? { encoding } : {}), lines: toSourceLines(text), removed: [], warnings: [] };
}
