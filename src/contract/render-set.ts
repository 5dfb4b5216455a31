/**
 * Which plans' pages Astro renders in this build, handed from the build (scripts/build.ts) to the pages
 * (src/lib/plans.ts) and the sitemap (astro.config.mjs). Astro renders every page it is given on each build;
 * a plan whose pages' inputs did not change has them copied from the page cache instead (page-cache.ts), so
 * the build tells the routes to leave that plan out, and tells the sitemap the addresses of the pages copied in.
 *
 * Environment variables, not a file: Astro's build runs in the build's own process, and a build started by hand
 * (`astro build`) sets neither, so it renders everything, as it always did.
 */
import { readFileSync } from 'node:fs';

/** Comma-separated ids of the plans to render; unset means every plan. */
export const RENDER_PLANS = 'RENDER_PLANS';
/** A JSON file listing the full URLs of the pages copied from the page cache, for the sitemap. */
export const REUSED_PAGES_FILE = 'REUSED_PAGES_FILE';

/**
 * The plans to render, or undefined for all.
 * @example renderedIds({ RENDER_PLANS: '2021,2020' }) // Set { '2021', '2020' }
 * @example renderedIds({ RENDER_PLANS: '' }) // Set {} (only the archive's own pages)
 * @example renderedIds({}) // undefined
 */
export function renderedIds(env: Record<string, string | undefined> = process.env): Set<string> | undefined {
  const value = env[RENDER_PLANS];
  return value === undefined ? undefined : new Set(value.split(',').filter(Boolean));
}

/** The addresses of the pages the build copies in from the page cache (none when it renders everything). */
export function reusedPageUrls(env: Record<string, string | undefined> = process.env): string[] {
  const file = env[REUSED_PAGES_FILE];
  if (!file) return [];
  const urls: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string')) throw new Error(`${file}: expected a JSON list of URLs.`);
  return urls;
}
