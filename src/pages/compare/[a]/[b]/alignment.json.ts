/**
 * /compare/<a>/<b>/alignment.json: the comparison as open data — every entry with its tag, both items' ids and
 * titles, the similarity score, and for 调整 the diff runs (joining same+removed gives a's text, same+added b's).
 */
import type { APIRoute } from 'astro';
import { comparePaths, comparisonFor } from '../../../../lib/comparisons.ts';

export const getStaticPaths = comparePaths;

export const GET: APIRoute = async ({ params }) => {
  const { a, b, alignment, diffs, offices } = await comparisonFor(params.a, params.b);
  const item = (x: { id: string; title: string; section: string; offices: string[] }) => ({ id: x.id, title: x.title, section: x.section, offices: x.offices });
  const body = {
    a: { id: a.id, year: a.year, title: a.plan.title },
    b: { id: b.id, year: b.year, title: b.plan.title },
    threshold: alignment.threshold,
    counts: alignment.counts,
    entries: alignment.entries.map((e, i) => ({
      tag: e.tag,
      ...('a' in e ? { a: item(e.a) } : {}),
      ...('b' in e ? { b: item(e.b) } : {}),
      ...('score' in e ? { score: e.score, moved: e.moved, officesChanged: e.officesChanged } : {}),
      ...(diffs.has(i) ? { diff: diffs.get(i) } : {}),
    })),
    offices: offices.map((o) => ({
      office: o.office,
      ...Object.fromEntries((['added', 'removed', 'changed', 'kept'] as const).map((k) => [k, o[k].map((e) => alignment.entries.indexOf(e))])),
    })),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
