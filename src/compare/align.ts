/**
 * Aligns the items of two editions of one series (e.g. the 2020 and the 2021 工作要点) and tags each row
 * 新增 / 删除 / 延续 / 调整. Pure and deterministic: same input, same output, on any machine.
 */
import { bigrams, dice, roundScore, type Bigrams } from './similarity.ts';
import type { AlignedEntry, Alignment, ChangeTag, EditionItem, MatchedEntry, Nearest, Score } from './types.ts';

/**
 * Share of the title in the total score. The text carries most of it: titles are short (10–20 characters),
 * so one changed word moves their score a lot; but a kept headline over rewritten text still counts for
 * something (same title, new measures is an adjusted item, not a new one).
 */
export const TITLE_WEIGHT = 0.3;

/**
 * Total score below which two items are never matched. Between different items of one plan the score stays
 * low (at most 0.21 across the 33 items of the seed plan: they share the vocabulary of the field, not their
 * content), while an item kept with a new title, or a new text under the same title, scores 0.4 or more.
 * 0.35 sits between the two with margin on both sides; tests/unit/compare-align.test.ts pins both facts.
 */
export const MATCH_THRESHOLD = 0.35;

/** Options of `alignEditions`; the defaults are the tuned values above. */
export interface AlignOptions {
  threshold?: number;
  titleWeight?: number;
}

interface Prepared {
  item: EditionItem;
  index: number;
  title: Bigrams;
  text: Bigrams;
}

interface Candidate {
  a: number;
  b: number;
  score: Score;
  sameSection: boolean;
}

/**
 * Aligns edition a (older) with edition b (newer).
 *
 * Matching is one-to-one and greedy: all pairs above the threshold, best score first, each item taken once.
 * Greedy rather than Hungarian (maximum total score): for a 工作要点 a real counterpart scores far above any
 * other pair, so both give the same answer on real plans, and greedy's rule is the one a reader can check —
 * “each item is paired with its most similar item not already paired with a better match”. Hungarian may pair
 * an item with its second-best to raise the sum, which is hard to explain on a compare page.
 * Ties are broken by section (same section first), then by position, so the result never depends on sort
 * stability or object order.
 * @example alignEditions([x], [x]).entries[0]!.tag // '延续'
 */
export function alignEditions(a: EditionItem[], b: EditionItem[], options: AlignOptions = {}): Alignment {
  const threshold = options.threshold ?? MATCH_THRESHOLD;
  const titleWeight = options.titleWeight ?? TITLE_WEIGHT;
  const pa = a.map(prepare);
  const pb = b.map(prepare);

  const candidates: Candidate[] = [];
  const bestOfA: (Candidate | undefined)[] = [];
  const bestOfB: (Candidate | undefined)[] = [];
  for (const x of pa) {
    for (const y of pb) {
      const c: Candidate = { a: x.index, b: y.index, score: scorePair(x, y, titleWeight), sameSection: x.item.section === y.item.section };
      if (better(c, bestOfA[x.index])) bestOfA[x.index] = c;
      if (better(c, bestOfB[y.index])) bestOfB[y.index] = c;
      if (c.score.total >= threshold) candidates.push(c);
    }
  }
  candidates.sort(compareCandidates);

  const partnerOfA = new Map<number, Candidate>();
  const partnerOfB = new Map<number, Candidate>();
  for (const c of candidates) {
    if (partnerOfA.has(c.a) || partnerOfB.has(c.b)) continue;
    partnerOfA.set(c.a, c);
    partnerOfB.set(c.b, c);
  }

  // Rows in b's order; deletions wait in `after` keyed by the b row of their nearest preceding matched a item.
  const leading: AlignedEntry[] = [];
  const after = new Map<number, AlignedEntry[]>();
  let lastMatchedB: number | undefined;
  for (const x of pa) {
    const c = partnerOfA.get(x.index);
    if (c) {
      lastMatchedB = c.b;
      continue;
    }
    const entry: AlignedEntry = { tag: '删除', a: x.item, aIndex: x.index, ...nearest(bestOfA[x.index], b, 'b') };
    if (lastMatchedB === undefined) leading.push(entry);
    else after.set(lastMatchedB, [...(after.get(lastMatchedB) ?? []), entry]);
  }

  const entries: AlignedEntry[] = [...leading];
  for (const y of pb) {
    const c = partnerOfB.get(y.index);
    if (c) entries.push(matched(a[c.a]!, y.item, c));
    else entries.push({ tag: '新增', b: y.item, bIndex: y.index, ...nearest(bestOfB[y.index], a, 'a') });
    entries.push(...(after.get(y.index) ?? []));
  }

  const counts: Record<ChangeTag, number> = { 新增: 0, 删除: 0, 延续: 0, 调整: 0 };
  for (const e of entries) counts[e.tag]++;
  return { entries, counts, threshold };
}

/**
 * True when two items say the same thing: title and text equal once whitespace is removed and NFKC applied
 * (so `2020 年` = `2020年`, `２０２０` = `2020`, a line break moved = none). Any other difference, even one
 * character — a figure, a 的 — is a change a reader of 新旧政策差异 must see, so it makes the pair 调整.
 * @example sameContent({ …x, text: '推进 教育公平' }, { …x, text: '推进教育公平' }) // true
 */
export function sameContent(a: Pick<EditionItem, 'title' | 'text'>, b: Pick<EditionItem, 'title' | 'text'>): boolean {
  return fold(a.title) === fold(b.title) && fold(a.text) === fold(b.text);
}

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

function prepare(item: EditionItem, index: number): Prepared {
  return { item, index, title: bigrams(item.title), text: bigrams(item.text) };
}

function scorePair(x: Prepared, y: Prepared, titleWeight: number): Score {
  const title = dice(x.title, y.title);
  const text = dice(x.text, y.text);
  return { title: roundScore(title), text: roundScore(text), total: roundScore(titleWeight * title + (1 - titleWeight) * text) };
}

/** Best score first; then same section; then the pair closest in position; then a's order, then b's. */
function compareCandidates(x: Candidate, y: Candidate): number {
  return (
    y.score.total - x.score.total ||
    Number(y.sameSection) - Number(x.sameSection) ||
    Math.abs(x.a - x.b) - Math.abs(y.a - y.b) ||
    x.a - y.a ||
    x.b - y.b
  );
}

function better(c: Candidate, best: Candidate | undefined): boolean {
  return best === undefined || compareCandidates(c, best) < 0;
}

function nearest(best: Candidate | undefined, other: EditionItem[], side: 'a' | 'b'): { nearest?: Nearest } {
  if (!best) return {};
  return { nearest: { id: other[best[side]]!.id, score: best.score } };
}

function matched(a: EditionItem, b: EditionItem, c: Candidate): MatchedEntry {
  return {
    tag: sameContent(a, b) ? '延续' : '调整',
    a,
    b,
    aIndex: c.a,
    bIndex: c.b,
    score: c.score,
    moved: !c.sameSection,
    officesChanged: !sameSet(a.offices, b.offices),
  };
}

function sameSet(x: string[], y: string[]): boolean {
  const sx = new Set(x);
  const sy = new Set(y);
  return sx.size === sy.size && [...sx].every((o) => sy.has(o));
}

