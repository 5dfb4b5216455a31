/**
 * Which plans' pages Astro renders in this build: the one thing the build (scripts/build.ts, scripts/unit.ts)
 * tells the site. Astro renders every page it is given on each build; a plan whose pages' inputs did not change
 * has them copied from the page cache instead (page-cache.ts), so the build tells the routes to leave that plan
 * out. (The sitemap, which lists every page, the build writes itself once the site is there: deploy/sitemap.ts.)
 *
 * One JSON file, checked by one schema, written by the build before Astro starts (astro-build.ts) and read once,
 * by astro.config.mjs, which hands it to the pages as the modules `virtual:render-set` and
 * `virtual:item-bodies` (src/integrations/render-set.ts). The file's path comes in RENDER_SET_FILE: a build
 * started by hand (`astro build`, `astro dev`, `astro check`) sets none, so it renders everything, as it always did.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** What the build tells the site to render. */
export const RenderSetSchema = z.strictObject({
  /** Ids of the plans whose pages Astro renders, or every plan; the others' pages are copied from the page cache. */
  plans: z.union([z.literal('all'), z.array(z.string().min(1))]),
  /**
   * Whether the archive's own pages (offices across plans, comparisons, redirects) render too; unless said, they do.
   * A build that renders many plans renders them in several Astro processes (scripts/build-steps.ts says why), and
   * only one of them renders the archive's own.
   */
  archive: z.boolean().optional(),
});
export type RenderSet = z.infer<typeof RenderSetSchema>;

/** Render every plan: a build by hand, or one with nothing in the page cache. */
export const RENDER_ALL: RenderSet = { plans: 'all' };

/** The environment variable that names the render set's file. */
export const RENDER_SET_FILE = 'RENDER_SET_FILE';

/**
 * Writes the render set where the build's Astro will read it; returns the environment that points Astro to it.
 * Synchronous, so that the build can tell Astro's waiting process to start before it goes on (astro-build.ts).
 */
export function writeRenderSet(file: string, set: RenderSet): Record<string, string> {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(RenderSetSchema.parse(set))}\n`);
  return { [RENDER_SET_FILE]: file };
}

/**
 * The render set the build wrote, or every plan when no build set one. A file that does not hold a render set
 * is a bug in the build, said as such.
 * @example readRenderSet({}) // { plans: 'all' }
 */
export function readRenderSet(env: Record<string, string | undefined> = process.env): RenderSet {
  const file = env[RENDER_SET_FILE];
  if (!file) return RENDER_ALL;
  const parsed = RenderSetSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: not a render set: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Whether the set renders plan `id`'s pages.
 * @example renders({ plans: ['2021'] }, '2020') // false
 */
export function renders(set: RenderSet, id: string): boolean {
  return set.plans === 'all' || set.plans.includes(id);
}

/**
 * Whether the set renders the archive's own pages: the routes outside /<plan>/ that take their paths from the plans
 * give none when it does not (the few pages of their own that every build renders are left out by the build).
 * @example rendersArchive({ plans: ['2021'], archive: false }) // false
 */
export function rendersArchive(set: RenderSet): boolean {
  return set.archive !== false;
}

/**
 * The item pages' MDX files of the plans the set renders, as a pattern for Vite's `import.meta.glob` (from the
 * project's root); undefined when it renders none. Plan ids are slugs (lower-case ASCII letters, digits, hyphens:
 * plan-config.ts), never glob syntax.
 * @example itemBodiesGlob({ plans: ['2020', '2021'] }) // '/content/plans/{2020,2021}/items/*.mdx'
 */
export function itemBodiesGlob(set: RenderSet): string | undefined {
  if (set.plans === 'all') return '/content/plans/*/items/*.mdx';
  if (set.plans.length === 0) return undefined;
  return `/content/plans/${set.plans.length === 1 ? set.plans[0] : `{${set.plans.join(',')}}`}/items/*.mdx`;
}
