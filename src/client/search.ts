/**
 * One search: candidates from the engine, exact matches only, ranked. Shared by the header box and the search page.
 */
import { pinyinTerms, toSimplified, toTraditional, type Reading } from '../search/forgiving.ts';
import { findMatches, normalizeQuery } from '../search/match.ts';
import type { Candidate, Engine, Filters } from './engine.ts';

/** A page that contains the query. */
export interface Hit extends Candidate {
  /** Occurrences in the page's text. */
  count: number;
  /** True when the title itself contains the query. */
  inTitle: boolean;
}

/** Results grouped by kind. */
export interface Results {
  query: string;
  items: Hit[];
  offices: Hit[];
  sections: Hit[];
  /** Set when nothing held the query as typed and it was read as pinyin or traditional characters instead. */
  reading?: Reading;
}

/** Searches and ranks: title hits first, then more occurrences, then newer plans, then plan order. */
async function exactSearch(engine: Engine, query: string, filters: Filters): Promise<Results> {
  const results: Results = { query, items: [], offices: [], sections: [] };
  if (normalizeQuery(query) === '') return results;
  for (const c of await engine.candidates(query, filters)) {
    const count = findMatches(c.text, query).length;
    if (count === 0) continue;
    const hit: Hit = { ...c, count, inTitle: findMatches(c.title, query).length > 0 };
    if (c.kind === 'item') results.items.push(hit);
    else if (c.kind === 'office') results.offices.push(hit);
    else results.sections.push(hit);
  }
  const order = (a: Hit, b: Hit) =>
    Number(b.inTitle) - Number(a.inTitle) || b.count - a.count || (b.year ?? 0) - (a.year ?? 0) || (a.number ?? 0) - (b.number ?? 0) || a.title.localeCompare(b.title, 'zh-CN');
  results.items.sort(order);
  results.offices.sort(order);
  results.sections.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.number ?? 0) - (b.number ?? 0));
  return results;
}

const empty = (r: Results) => r.items.length === 0 && r.offices.length === 0 && r.sections.length === 0;

/** Hits of several searches, each page once (the first search's hit kept). */
function union(query: string, all: Results[], reading: Reading): Results {
  const seen = new Set<string>();
  const pick = (hits: Hit[]) => hits.filter((h) => !seen.has(h.path) && seen.add(h.path));
  return {
    query,
    items: pick(all.flatMap((r) => r.items)),
    offices: pick(all.flatMap((r) => r.offices)),
    sections: pick(all.flatMap((r) => r.sections)),
    reading,
  };
}

/**
 * One search. The query as typed first, exactly; only when nothing holds it is it read another way: its
 * traditional characters as the simplified ones the plans print (大班額 → 大班额), or its letters as pinyin of an
 * office name or headline (jjc → 基教处). Whatever is searched is still matched exactly, and the results say how
 * the query was read.
 */
export async function runSearch(engine: Engine, query: string, filters: Filters): Promise<Results> {
  const exact = await exactSearch(engine, query, filters);
  if (!empty(exact) || normalizeQuery(query) === '') return exact;
  const aids = await engine.aids().catch(() => undefined);
  if (!aids) return exact;
  const simplified = toSimplified(query, aids);
  if (simplified !== query) {
    const r = await exactSearch(engine, simplified, filters);
    if (!empty(r)) return { ...r, query, reading: { how: '简体字', terms: [simplified] } };
  }
  // A plan printed in traditional characters, searched in simplified ones (大班额 → 大班額).
  const traditional = toTraditional(query, aids);
  if (traditional !== query) {
    const r = await exactSearch(engine, traditional, filters);
    if (!empty(r)) return { ...r, query, reading: { how: '繁体字', terms: [traditional] } };
  }
  const terms = pinyinTerms(query, aids);
  if (terms.length > 0) {
    const all = await Promise.all(terms.map((t) => exactSearch(engine, t, filters)));
    const found = terms.filter((_, i) => !empty(all[i]!));
    if (found.length > 0) return union(query, all, { how: '拼音', terms: found });
  }
  return exact;
}
