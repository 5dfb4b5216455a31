/** /data/plan.json, written at build time. */
import type { APIRoute } from 'astro';
import { fileResponse, planJson } from '../../lib/data-files.ts';

export const GET: APIRoute = () => fileResponse(planJson, 'json');
