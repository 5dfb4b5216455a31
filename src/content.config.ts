/**
 * Content collections over content/plans/<id>/: each plan's record (config, Plan, placed notes) and its
 * generated item bodies; and content/site/: the archive's own settings. They reuse the zod schemas of the
 * parser and of the config files, so the site reads exactly what the content step checked.
 */
import { defineCollection } from 'astro:content';
import { z } from 'zod';
import { glob } from 'astro/loaders';
import { ArchiveEntrySchema } from './config/archive-entry.ts';
import { SiteConfigSchema } from './config/site-config.ts';
import { ItemSchema } from './plan/schema.ts';
import renderSet from 'virtual:render-set';

const plans = defineCollection({
  // The entry id is the plan's folder (its URL segment), not the file name.
  loader: glob({ base: './content/plans', pattern: '*/plan.json', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: ArchiveEntrySchema.extend({ $comment: ArchiveEntrySchema.shape.id.optional() }),
});

/**
 * The item pages of the plans this build renders (all, unless the build copies some plans' pages from its page
 * cache: src/contract/render-set.ts). Only item pages render these entries, and Astro compiles every MDX entry it
 * loads, so a plan whose pages are copied has its MDX left out; when no plan renders there are no entries to load.
 */
function itemLoader() {
  const { plans } = renderSet;
  // Entry ids are <plan>/<file>, e.g. 2020/16 … kept unique across plans.
  const generateId = ({ entry }: { entry: string }) => entry.replace('/items/', '/').replace(/\.mdx$/u, '');
  if (plans === 'all') return glob({ base: './content/plans', pattern: '*/items/*.mdx', generateId });
  if (plans.length === 0) return async () => [];
  // Plan ids are slugs (lower-case ASCII letters, digits, hyphens: plan-config.ts), never glob syntax.
  return glob({ base: './content/plans', pattern: `${plans.length === 1 ? plans[0] : `{${plans.join(',')}}`}/items/*.mdx`, generateId });
}

const items = defineCollection({
  loader: itemLoader(),
  // The item's marked body, keyed to the Plan's item by number: every fact of the item comes from the Plan.
  schema: z.object({ item: ItemSchema.shape.number }),
});

const site = defineCollection({
  // One entry, id "site"; its $comment says where it was generated from.
  loader: glob({ base: './content/site', pattern: 'site.json', generateId: () => 'site' }),
  schema: SiteConfigSchema,
});

export const collections = { plans, items, site };
