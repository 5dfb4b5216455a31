/** /data/responsibilities.csv, written at build time. */
import type { APIRoute } from 'astro';
import { fileResponse, responsibilitiesCsv } from '../../lib/data-files.ts';

export const GET: APIRoute = () => fileResponse(responsibilitiesCsv, 'csv');
