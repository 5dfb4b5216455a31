/**
 * Hands the build's render set (src/contract/render-set.ts), read once by astro.config.mjs, to the content
 * collections and the pages as the module `virtual:render-set`, so nothing but the config reads the file or the
 * environment.
 */
import type { AstroIntegration } from 'astro';
import type { RenderSet } from '../contract/render-set.ts';
import { virtualModule } from './virtual-module.ts';

/** The Astro integration. */
export function renderSet(set: RenderSet): AstroIntegration {
  return {
    name: 'render-set',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [virtualModule('virtual:render-set', set)] } });
      },
    },
  };
}
