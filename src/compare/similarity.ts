/**
 * How alike two Chinese texts are: the Dice coefficient of their character bigrams (multisets).
 *
 * Why bigrams: Chinese has no spaces, and most of its words are two characters long, so adjacent character
 * pairs approximate the vocabulary without a dictionary. A word segmenter (Intl.Segmenter) would depend on the
 * ICU build of the running Node and so give different scores on different machines; single characters are
 * too common (教, 育, 推, 进 are everywhere in an education plan) to tell items apart. Bigrams also survive
 * insertions and reordering of clauses, which is how a 工作要点 changes from year to year, and the score is
 * easy to explain: “the two texts share 72% of their two-character pairs”.
 *
 * Why Dice rather than Jaccard: both rank pairs the same way; Dice (2|A∩B| / (|A|+|B|)) reads as “share of
 * pairs in common” and is less harsh on a short text inside a long one.
 */

/** Whitespace and punctuation carry no meaning for similarity; they are left out of the bigrams. */
const IGNORED = /[\s\p{P}\p{S}]/gu;

/** Characters compared: NFKC folds full-width digits and letters (２０２０ → 2020), then noise is removed. */
export function comparableText(text: string): string {
  return text.normalize('NFKC').replace(IGNORED, '');
}

/** Bigram counts of a text, as used by `dice`. */
export type Bigrams = ReadonlyMap<string, number>;

/**
 * Counts the character bigrams of a text (code points; a one-character text counts as one “bigram”).
 * @example bigrams('教育厅').get('教育') // 1
 */
export function bigrams(text: string): Bigrams {
  const chars = [...comparableText(text)];
  const counts = new Map<string, number>();
  if (chars.length === 1) counts.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/**
 * Dice coefficient of two bigram multisets, in [0, 1]; two empty texts are identical (1).
 * @example dice(bigrams('推进教育公平'), bigrams('促进教育公平')) // 0.8
 */
export function dice(a: Bigrams, b: Bigrams): number {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const n of a.values()) sizeA += n;
  for (const [pair, n] of b) {
    sizeB += n;
    common += Math.min(n, a.get(pair) ?? 0);
  }
  if (sizeA + sizeB === 0) return 1;
  return (2 * common) / (sizeA + sizeB);
}

/** Rounds a score to 4 decimals so scores compare and serialise identically everywhere. */
export function roundScore(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
