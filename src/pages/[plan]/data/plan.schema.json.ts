/** /<plan>/data/plan.schema.json, written at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataFilePaths, dataFilesOf, fileResponse } from '../../../lib/data-files.ts';
import type { PlanView } from '../../../lib/plans.ts';

export const getStaticPaths = dataFilePaths satisfies GetStaticPaths;

export const GET: APIRoute<{ p: PlanView }> = ({ props }) => fileResponse(dataFilesOf(props.p)['plan.schema.json'], 'json');
