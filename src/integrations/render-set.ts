/**
 * Hands the build's render set (src/contract/render-set.ts), read once by astro.config.mjs, to the pages: as the
 * module `virtual:render-set`, and as `virtual:item-bodies`, the item pages' MDX of the plans rendered and no
 * other (Vite compiles every module it is given; at 100 plans, 6,900 MDX modules for one plan's 69 pages). Nothing
 * but the config reads the file or the environment.
 */
import type { AstroIntegration } from 'astro';
import { itemBodiesGlob, type RenderSet } from '../contract/render-set.ts';
import { virtualModule, virtualSource } from './virtual-module.ts';

/** The Astro integration. */
export function renderSet(set: RenderSet): AstroIntegration {
  return {
    name: 'render-set',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // A glob, not a list of files: in `astro dev` Vite watches it, so an item file the plan watch adds is found.
        const glob = itemBodiesGlob(set);
        const bodies = glob === undefined ? 'export default {};' : `export default import.meta.glob(${JSON.stringify(glob)});`;
        updateConfig({ vite: { plugins: [virtualModule('virtual:render-set', set), virtualSource('virtual:item-bodies', bodies)] } });
      },
    },
  };
}
