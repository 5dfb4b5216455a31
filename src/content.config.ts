/**
 * Content collections over content/plans/<id>/: each plan's record (config, Plan, placed notes) and its
 * generated item pages; and content/site/: the archive's own settings. They reuse the zod schemas of the
 * parser and of the config files, so the site reads exactly what the content step checked.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ArchiveEntrySchema } from './config/archive-entry.ts';
import { SiteConfigSchema } from './config/site-config.ts';
import { ItemSchema } from './plan/schema.ts';
import { renderedIds } from './contract/render-set.ts';

const plans = defineCollection({
  // The entry id is the plan's folder (its URL segment), not the file name.
  loader: glob({ base: './content/plans', pattern: '*/plan.json', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: ArchiveEntrySchema.extend({ $comment: ArchiveEntrySchema.shape.id.optional() }),
});

/**
 * The item pages of the plans this build renders (all, unless the build copies some plans' pages from its page
 * cache: render-set.ts). Only item pages render these entries, and Astro compiles every MDX entry it loads, so
 * a plan whose pages are copied has its MDX left out.
 */
function itemPattern(): string | undefined {
  const ids = renderedIds();
  if (!ids) return '*/items/*.mdx';
  // Plan ids are slugs (lower-case ASCII letters, digits, hyphens: plan-config.ts), never glob syntax.
  const names = [...ids];
  if (names.length === 0) return undefined;
  return `${names.length === 1 ? names[0] : `{${names.join(',')}}`}/items/*.mdx`;
}

/** When every plan's pages are copied from the cache, no item entry is loaded at all (a glob that matches nothing warns). */
const noItems = { name: 'no-items-rendered', load: async ({ store }: { store: { clear(): void } }) => store.clear() };

const items = defineCollection({
  // Entry ids are <plan>/<file>, e.g. 2020/16 … kept unique across plans.
  loader: (() => {
    const pattern = itemPattern();
    return pattern === undefined ? noItems : glob({ base: './content/plans', pattern, generateId: ({ entry }) => entry.replace('/items/', '/').replace(/\.mdx$/u, '') });
  })(),
  schema: ItemSchema.pick({ number: true, id: true, title: true, section: true, subsection: true, source: true, responsible: true }),
});

const site = defineCollection({
  // One entry, id "site"; its $comment says where it was generated from.
  loader: glob({ base: './content/site', pattern: 'site.json', generateId: () => 'site' }),
  schema: SiteConfigSchema,
});

export const collections = { plans, items, site };
