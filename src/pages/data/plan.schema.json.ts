/** /data/plan.schema.json, written at build time. */
import type { APIRoute } from 'astro';
import { fileResponse, planSchemaJson } from '../../lib/data-files.ts';

export const GET: APIRoute = () => fileResponse(planSchemaJson, 'json');
