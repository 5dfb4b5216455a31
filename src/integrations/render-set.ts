/**
 * Hands the build's render set (src/contract/render-set.ts), read once by astro.config.mjs, to the content
 * collections and the pages as the module `virtual:render-set`, so nothing but the config reads the file or the
 * environment.
 */
import type { AstroIntegration } from 'astro';
import type { RenderSet } from '../contract/render-set.ts';

const virtualId = 'virtual:render-set';

/** The Astro integration. */
export function renderSet(set: RenderSet): AstroIntegration {
  return {
    name: 'render-set',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'render-set',
                resolveId: (id: string) => (id === virtualId ? `\0${virtualId}` : undefined),
                load: (id: string) => (id === `\0${virtualId}` ? `export default ${JSON.stringify(set)};` : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
