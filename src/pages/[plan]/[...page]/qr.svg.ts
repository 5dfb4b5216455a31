/**
 * /<plan>/<page>/qr.svg: the QR code of a page's permanent address, for the pages that print one (PrintQr,
 * plan-pages.ts printQr: items, offices, the whole text). A file beside the page rather than inline SVG in it:
 * the page names it in a print-only, lazily loaded <img>, which a screen never fetches (it cost about 0.4 KiB of
 * each such page's compressed HTML) and which browsers load before they print.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { qrSvgFile } from '../../../lib/qr-code.ts';
import { printQrPages } from '../../../lib/plan-pages.ts';
import { linksFor } from '../../../lib/urls.ts';
import { planRoutesEach, type PlanProps } from '../../../lib/routing.ts';

export const getStaticPaths = (() =>
  planRoutesEach((p) => printQrPages(p).map((page) => ({ params: { page: page.path.replace(/\/$/u, '') }, props: { path: linksFor(p).planHref(page.path) } })))) satisfies GetStaticPaths;

export const GET: APIRoute<PlanProps & { path: string }> = async ({ props, site }) =>
  new Response(await qrSvgFile(new URL(props.path, site).href), { headers: { 'Content-Type': 'image/svg+xml' } });
