/** /data/offices.csv, written at build time. */
import type { APIRoute } from 'astro';
import { fileResponse, officesCsv } from '../../lib/data-files.ts';

export const GET: APIRoute = () => fileResponse(officesCsv, 'csv');
