/**
 * The archive's own settings for pages (content/site/site.json, as the content step wrote it, checked by the
 * schema it was written with): pages never read the generated file themselves.
 */
import { checkedRecord } from './content-records.ts';
import { SiteConfigSchema, type SiteConfig } from '../config/site-config.ts';

/** The file, when there is one (a JSON module: Vite bundles it, and in `astro dev` watches it). */
const files = import.meta.glob<unknown>('/content/site/site.json', { eager: true, import: 'default' });

/** The settings; empty when the content step found no site.json (or a build has no content/site/ at all). */
export async function siteSettings(): Promise<SiteConfig> {
  const [entry] = Object.entries(files);
  if (!entry) return {};
  const [path, file] = entry;
  const { $comment: _comment, ...config } = checkedRecord(path, SiteConfigSchema, file);
  return config;
}
