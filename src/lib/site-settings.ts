/**
 * The archive's own settings for pages (content/site/site.json through the `site` collection): pages never read
 * the generated file themselves.
 */
import { getEntry } from 'astro:content';
import type { SiteConfig } from '../config/site-config.ts';

/** The settings; empty when the content step found no site.json (or a build has no content/site/ at all). */
export async function siteSettings(): Promise<SiteConfig> {
  const entry = await getEntry('site', 'site');
  if (!entry) return {};
  const { $comment: _comment, ...config } = entry.data;
  return config;
}
