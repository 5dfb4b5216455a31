/**
 * Where the site will be served, from the environment: SITE_URL (origin, for canonical URLs and the sitemap)
 * and BASE_PATH (the sub-path it is deployed under, e.g. /plans/2020/).
 */

/** Placeholder origin used until the real one is configured. */
export const DEFAULT_SITE_URL = 'https://plan.example.gov.cn';

/**
 * Reads and checks the options; BASE_PATH always starts and ends with a slash.
 * @example siteOptions({ BASE_PATH: 'plans/2020' }).base // '/plans/2020/'
 */
export function siteOptions(env: Record<string, string | undefined>): { site: string; base: string } {
  const site = (env.SITE_URL || DEFAULT_SITE_URL).replace(/\/+$/u, '');
  if (!/^https?:\/\/[^/]+$/u.test(site)) {
    throw new Error(`SITE_URL must be an origin such as https://www.example.gov.cn (no path; put the path in BASE_PATH), got “${site}”.`);
  }
  const trimmed = (env.BASE_PATH || '/').replace(/^\/+|\/+$/gu, '');
  if (!/^[A-Za-z0-9._~\-/]*$/u.test(trimmed)) {
    throw new Error(`BASE_PATH may hold only URL-safe characters, got “${env.BASE_PATH}”.`);
  }
  return { site, base: trimmed ? `/${trimmed}/` : '/' };
}
