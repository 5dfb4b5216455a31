/** /data/items.csv, written at build time. */
import type { APIRoute } from 'astro';
import { fileResponse, itemsCsv } from '../../lib/data-files.ts';

export const GET: APIRoute = () => fileResponse(itemsCsv, 'csv');
