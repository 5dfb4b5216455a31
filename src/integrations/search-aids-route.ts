/**
 * /search-aids.js in `astro dev` (src/integrations/search-aids.ts): the tables for every plan, as the build writes them.
 */
import type { APIRoute } from 'astro';
import { getPlans } from '../lib/plans.ts';
import { searchAidsScript } from '../search/aids.ts';

export const GET: APIRoute = async () =>
  new Response(searchAidsScript((await getPlans()).map((p) => p.plan)), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
