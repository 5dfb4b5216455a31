/**
 * The input and output shapes of edition comparison. Deliberately small and independent of the Plan schema:
 * any edition that can be read into this list can be compared (see edition-item.ts for today's adapter).
 */

/** One item of an edition, reduced to what comparison needs. */
export interface EditionItem {
  /** Stable id within its edition (today: the item number as a string). */
  id: string;
  /** Title of the section the item is in. */
  section: string;
  /** The item's headline, without its number. */
  title: string;
  /** All the item's paragraphs joined with \n. */
  text: string;
  /** Canonical names of the offices responsible for it, lead first. */
  offices: string[];
}

/** How an item changed from edition a to edition b. */
export type ChangeTag = '新增' | '删除' | '延续' | '调整';

/** Similarity of two items, each part in [0, 1], rounded to 4 decimals so output is stable across platforms. */
export interface Score {
  /** Dice coefficient of the titles' character bigrams. */
  title: number;
  /** Dice coefficient of the texts' character bigrams. */
  text: number;
  /** Weighted sum used for matching (see TITLE_WEIGHT in similarity.ts). */
  total: number;
}

/** The most similar item of the other edition, kept for unmatched items to show why they were not matched. */
export interface Nearest {
  /** Id of that item in the other edition. */
  id: string;
  /** Its score, below the threshold or taken by a better pair. */
  score: Score;
}

/** An item of b matched with an item of a. */
export interface MatchedEntry {
  tag: '延续' | '调整';
  a: EditionItem;
  b: EditionItem;
  /** Positions in the input arrays. */
  aIndex: number;
  bIndex: number;
  score: Score;
  /** True when the section title differs between the editions. */
  moved: boolean;
  /** True when the set of responsible offices differs. */
  officesChanged: boolean;
}

/** An item found only in b. */
export interface AddedEntry {
  tag: '新增';
  b: EditionItem;
  bIndex: number;
  /** Most similar item of a, if a has any item. */
  nearest?: Nearest;
}

/** An item found only in a. */
export interface RemovedEntry {
  tag: '删除';
  a: EditionItem;
  aIndex: number;
  /** Most similar item of b, if b has any item. */
  nearest?: Nearest;
}

/** One row of the comparison. */
export type AlignedEntry = MatchedEntry | AddedEntry | RemovedEntry;

/** The whole comparison of edition a (older) with edition b (newer). */
export interface Alignment {
  /** In b's order; each deleted item right after its nearest preceding matched neighbour from a. */
  entries: AlignedEntry[];
  /** Number of entries with each tag. */
  counts: Record<ChangeTag, number>;
  /** The total score below which two items are never matched. */
  threshold: number;
}
