/**
 * /search-aids.js: the tables of the forgiving search (pinyin of names and headlines, traditional → simplified
 * characters) for every plan of the archive, as a classic script. Fetched by the search script only when a query
 * finds nothing as typed. Offline bundles leave it out and carry their own plans' tables (src/publish/offline/offline-bundle.ts).
 */
import type { APIRoute } from 'astro';
import { getPlans } from '../lib/plans.ts';
import { searchAids } from '../search/aids.ts';

export const GET: APIRoute = async () => {
  const aids = searchAids((await getPlans()).map((p) => p.plan));
  // JSON is valid JavaScript; escaping "<" keeps plan text from closing a script anywhere it is inlined.
  const body = `window.__SEARCH_AIDS__=${JSON.stringify(aids).replace(/</gu, '\\u003c')};\n`;
  return new Response(body, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
};
