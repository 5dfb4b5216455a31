/** /<plan>/data/plan.json, written at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataFilesOf, fileResponse } from '../../../lib/data-files.ts';
import { planRoutes, type PlanProps } from '../../../lib/routing.ts';

export const getStaticPaths = (() => planRoutes()) satisfies GetStaticPaths;

export const GET: APIRoute<PlanProps> = ({ props }) => fileResponse(dataFilesOf(props.p)['plan.json'], 'json');
