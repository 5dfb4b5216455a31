/**
 * The archive → the generated files under content/: per plan, one MDX page per item and the plan's record
 * (content/plans/<id>/items/*.mdx, content/plans/<id>/plan.json), and the site's settings (content/site/site.json).
 * Pure: returns paths and contents; scripts/build-content.ts writes them.
 */
import type { ArchiveEntry } from '../config/archive-entry.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { itemToMdx } from './item-mdx.ts';

/** Folders under content/ that hold only generated files (stale files there are removed). */
export const GENERATED_DIRS = ['plans', 'site'] as const;

/** File name of an item's page; zero-padded so folder listings sort in plan order. */
export function itemFileName(number: number): string {
  return `${String(number).padStart(2, '0')}.mdx`;
}

/** JSON with a leading `$comment` saying it is generated; stable key order and a final newline. */
function generatedJson(seedPath: string, value: object): string {
  const comment = `Generated from ${seedPath} by scripts/build-content.ts. Do not edit.`;
  return `${JSON.stringify({ $comment: comment, ...value }, null, 2)}\n`;
}

/** Every generated file of one plan, keyed by path relative to content/. */
export function planToContentFiles(entry: ArchiveEntry, seedPath: string): Map<string, string> {
  const files = new Map<string, string>();
  const dir = `plans/${entry.id}`;
  for (const item of entry.plan.items) files.set(`${dir}/items/${itemFileName(item.number)}`, itemToMdx(item, entry.plan, entry.notes, seedPath));
  files.set(`${dir}/plan.json`, generatedJson(seedPath, entry));
  return files;
}

/** The site's settings as the `site` collection reads them; written even when no settings file exists. */
export function siteToContentFiles(config: SiteConfig, settingsPath: string): Map<string, string> {
  return new Map([['site/site.json', generatedJson(settingsPath, config)]]);
}
