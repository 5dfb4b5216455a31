/**
 * One search: candidates from the engine, exact matches only, ranked. Shared by the header box and the search page.
 */
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
}

/** Searches and ranks: title hits first, then more occurrences, then newer plans, then plan order. */
export async function runSearch(engine: Engine, query: string, filters: Filters): Promise<Results> {
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
