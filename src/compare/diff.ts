/**
 * Character-level differences between two texts, in readable runs, for the compare page and the open data.
 * Built on jsdiff (`diff`), which compares code points: an astral character (𠀀, an emoji) is one token and
 * is never split into halves of a surrogate pair.
 *
 * jsdiff's raw output is choppy for Chinese; two cleanups make it read like an editor's markup (MAX_ISLAND,
 * snapNumbers). The alternative, `granularity: 'word'`, diffs the words of Intl.Segmenter('zh') and reads as
 * well on the test edition (精心筹备 → 认真筹办 either way, figures whole either way); it is not the default
 * because the segmenter's dictionary comes with the ICU inside Node, so a Node upgrade could move word
 * boundaries and change published diffs, while code points never change. jsdiff's own `diffWords` is not used:
 * it compares words with their whitespace trimmed and moves whitespace between runs
 * (dedupeWhitespaceInChangeObjects), so its runs are not guaranteed to give the texts back character for
 * character; diffing the segmenter's words with `diffArrays` is (tested).
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
 * The differences between an older and a newer text. Joining the `same` and `removed` runs gives `a` back
 * exactly; joining `same` and `added` gives `b`. In a change, the removed run comes before the added one.
 * @example diffText('推进教育公平', '促进教育公平') // [{ kind: 'removed', text: '推' }, { kind: 'added', text: '促' }, { kind: 'same', text: '进教育公平' }]
 */
export function diffText(a: string, b: string, options: DiffOptions = {}): DiffSegment[] {
  if (options.granularity === 'word') {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const words = (s: string) => Array.from(segmenter.segment(s), (x) => x.segment);
    return fromParts(toParts(toSegments(diffArrays(words(a), words(b)).map((c) => ({ ...c, value: c.value.join('') })))));
  }
  return fromParts(snapNumbers(foldIslands(toParts(toSegments(diffChars(a, b))), MAX_ISLAND)));
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

/** A diff as alternating shared strings and hunks, so that cleanups are local rewrites. */
type Part = string | Hunk;

function toParts(segments: DiffSegment[]): Part[] {
  const parts: Part[] = [];
  for (const s of segments) {
    if (s.kind === 'same') parts.push(s.text);
    else parts.push(s.kind === 'removed' ? { removed: s.text, added: '' } : { removed: '', added: s.text });
  }
  return tidy(parts);
}

/** Drops empty shared strings and joins neighbouring hunks (and neighbouring strings). */
function tidy(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const last = out[out.length - 1];
    if (typeof part === 'string' && typeof last === 'string') out[out.length - 1] = last + part;
    else if (typeof part === 'object' && typeof last === 'object') out[out.length - 1] = { removed: last.removed + part.removed, added: last.added + part.added };
    else out.push(typeof part === 'string' ? part : { ...part });
  }
  return out;
}

function fromParts(parts: Part[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  for (const part of parts) {
    if (typeof part === 'string') out.push({ kind: 'same', text: part });
    else {
      if (part.removed) out.push({ kind: 'removed', text: part.removed });
      if (part.added) out.push({ kind: 'added', text: part.added });
    }
  }
  return out;
}

/** Folds shared runs of at most `max` code points that sit between two changes into one change. */
function foldIslands(parts: Part[], max: number): Part[] {
  const out: Part[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const prev = out[out.length - 1];
    const next = parts[i + 1];
    if (typeof part === 'string' && typeof prev === 'object' && typeof next === 'object' && [...part].length <= max) {
      // The island belongs to both texts, so it joins both sides of the change.
      out[out.length - 1] = { removed: prev.removed + part + next.removed, added: prev.added + part + next.added };
      i++;
    } else out.push(part);
  }
  return out;
}

const DIGIT_START = /^\p{Nd}/u;
const DIGIT_END = /\p{Nd}$/u;

/**
 * Widens a change that starts or ends inside a number to the whole number: 9[-3][+5]% becomes [-93][+95]%.
 * A figure is read as one value; half of it marked as changed is misleading.
 */
function snapNumbers(parts: Part[]): Part[] {
  const out = [...parts];
  for (let i = 0; i < out.length; i++) {
    const hunk = out[i];
    if (typeof hunk !== 'object') continue;
    const prev = out[i - 1];
    if (typeof prev === 'string' && (DIGIT_START.test(hunk.removed) || DIGIT_START.test(hunk.added))) {
      const lead = /\p{Nd}+$/u.exec(prev)?.[0] ?? '';
      out[i - 1] = prev.slice(0, prev.length - lead.length);
      out[i] = { removed: lead + hunk.removed, added: lead + hunk.added };
    }
    const next = out[i + 1];
    const h = out[i] as Hunk;
    if (typeof next === 'string' && (DIGIT_END.test(h.removed) || DIGIT_END.test(h.added))) {
      const tail = /^\p{Nd}+/u.exec(next)?.[0] ?? '';
      out[i + 1] = next.slice(tail.length);
      out[i] = { removed: h.removed + tail, added: h.added + tail };
    }
  }
  return tidy(out);
}
