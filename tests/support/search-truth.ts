/**
 * Ground truth for search: the items whose full text (as printed, whitespace ignored, Latin case-folded)
 * contains a query; and queries of the kinds readers type, drawn from the plan itself.
 */
import { readFileSync } from 'node:fs';
import type { Plan } from '../../src/plan/schema.ts';
import { itemToLines } from '../../src/plan/to-text.ts';

const fold = (s: string) => s.replace(/[\s\u3000]+/gu, '').toLowerCase();

/** Numbers of the items containing `query`. */
export function expectedItems(plan: Plan, query: string): number[] {
  const q = fold(query);
  return plan.items.filter((i) => fold(itemToLines(i).join('\n')).includes(q)).map((i) => i.number);
}

/** The fixture file's queries with their expected items; throws on an empty file (every loop over it would pass). */
export function fixtureQueries(): { query: string; items: number[] }[] {
  const file = 'tests/fixtures/search/queries.tsv';
  const queries = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [query, items] = line.split('\t');
      return { query: query!, items: items!.split(',').map(Number) };
    });
  if (queries.length === 0) throw new Error(`${file} holds no queries: the search tests would check nothing`);
  return queries;
}

/** A small seeded generator, so the same queries are drawn on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Queries of the kinds the issue names: Chinese terms of 2–6 characters cut from the text, office names,
 * numbers with units, plus a few that occur nowhere.
 */
export function generatedQueries(plan: Plan, count: number, seed = 2020): string[] {
  const random = rng(seed);
  const texts = plan.items.map((i) => fold(i.fields.flatMap((f) => f.paragraphs).join('')));
  const out = new Set<string>();
  for (const o of plan.offices) out.add(o.name);
  for (const t of plan.targets) out.add(t.text);
  while (out.size < count) {
    const text = texts[Math.floor(random() * texts.length)]!;
    const length = 2 + Math.floor(random() * 5);
    const start = Math.floor(random() * (text.length - length));
    const term = text.slice(start, start + length);
    // Terms a reader would type: Chinese characters only, no punctuation.
    if (/^\p{Script=Han}+$/u.test(term)) out.add(term);
  }
  for (const absent of ['量子计算', '火星基地', '区块链技术标准', '99%']) out.add(absent);
  return [...out];
}
