/**
 * Character-level differences between two texts, in readable runs, for the compare page and the open data.
 * Built on jsdiff (`diff`), which compares code points: an astral character (𠀀, an emoji) is one token and
 * is never split into halves of a surrogate pair.
 */
import { diffArrays, diffChars } from 'diff';
import type { MatchedEntry } from './types.ts';

/** A run of text that both editions share, or that only the newer (`added`) or older (`removed`) has. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** The differences of a matched pair, field by field. */
export interface PairDiff {
  title: DiffSegment[];
  text: DiffSegment[];
}

/** Options of `diffText`. */
export interface DiffOptions {
  /**
   * `char` (default): code points, then single shared characters inside a change folded into it.
   * `word`: words of Intl.Segmenter('zh'), compared as units.
   */
  granularity?: 'char' | 'word';
}

/**
 * Longest shared run (in code points) that is folded into the changes around it. A raw character diff of
 * Chinese is choppy: 精心筹备 → 认真筹办 comes out as [-精心][+认真]筹[-备][+办], because the one shared 筹 is a
 * coincidence, not a kept word. Folding islands of one character gives [-精心筹备][+认真筹办], which is what a
 * reader sees; a shared run of two characters is usually a kept word (有关, 教育) and stays shared.
 */
export const MAX_ISLAND = 1;

/**
 * Why `char` is the default, though `word` also reads well: Intl.Segmenter's Chinese dictionary comes from the
 * ICU inside Node, so word boundaries (and the published diff) could change with a Node upgrade; code points
 * never do. On the test edition both modes give the same runs after folding, except where the segmenter splits
 * a word oddly (调|研), which folding does not. jsdiff's own `diffWords` is not used: it treats whitespace
 * specially and its output does not always give back the input texts exactly; diffing the segmenter's words
 * with `diffArrays` does.
 */

/**
 * The differences between an older and a newer text. Joining the `same` and `removed` runs gives `a` back
 * exactly; joining `same` and `added` gives `b`. In a change, the removed run comes before the added one.
 * @example diffText('推进教育公平', '促进教育公平') // [{ kind: 'removed', text: '推' }, { kind: 'added', text: '促' }, { kind: 'same', text: '进教育公平' }]
 */
export function diffText(a: string, b: string, options: DiffOptions = {}): DiffSegment[] {
  if (options.granularity === 'word') {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const words = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);
    return toSegments(diffArrays(words(a), words(b)).map((c) => ({ ...c, value: c.value.join('') })));
  }
  return foldIslands(toSegments(diffChars(a, b)), MAX_ISLAND);
}

/**
 * Title and text differences of a matched pair.
 * @example diffPair(entry).text.filter((s) => s.kind === 'added')
 */
export function diffPair(entry: Pick<MatchedEntry, 'a' | 'b'>, options: DiffOptions = {}): PairDiff {
  return { title: diffText(entry.a.title, entry.b.title, options), text: diffText(entry.a.text, entry.b.text, options) };
}

/** jsdiff changes → segments, dropping empty values and joining neighbours of the same kind. */
function toSegments(changes: { added: boolean; removed: boolean; value: string }[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const c of changes) {
    if (c.value === '') continue;
    push(out, { kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value });
  }
  return out;
}

function push(out: DiffSegment[], s: DiffSegment): void {
  const last = out[out.length - 1];
  if (last && last.kind === s.kind) last.text += s.text;
  else out.push({ ...s });
}

/** A change between two shared runs: what the older text had there, and what the newer has. */
interface Hunk {
  removed: string;
  added: string;
}

/** Folds shared runs of at most `max` code points that sit between two changes into one change. */
function foldIslands(segments: DiffSegment[], max: number): DiffSegment[] {
  // Alternate shared strings and hunks, so that folding is a local rewrite.
  const parts: (string | Hunk)[] = [];
  for (const s of segments) {
    const last = parts[parts.length - 1];
    if (s.kind === 'same') parts.push(s.text);
    else {
      const hunk = typeof last === 'object' ? last : (parts[parts.push({ removed: '', added: '' }) - 1] as Hunk);
      hunk[s.kind] += s.text;
    }
  }
  const folded: (string | Hunk)[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const prev = folded[folded.length - 1];
    const next = parts[i + 1];
    if (typeof part === 'string' && typeof prev === 'object' && typeof next === 'object' && [...part].length <= max) {
      // The island belongs to both texts, so it joins both sides of the change.
      prev.removed += part + next.removed;
      prev.added += part + next.added;
      i++;
    } else folded.push(typeof part === 'string' ? part : { ...part });
  }
  const out: DiffSegment[] = [];
  for (const part of folded) {
    if (typeof part === 'string') push(out, { kind: 'same', text: part });
    else {
      if (part.removed) push(out, { kind: 'removed', text: part.removed });
      if (part.added) push(out, { kind: 'added', text: part.added });
    }
  }
  return out;
}
