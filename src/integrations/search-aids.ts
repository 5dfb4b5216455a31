/**
 * `astro dev` serves /search-aids.js (the forgiving search's tables) from a route of its own: a build writes the file
 * into the site itself (src/publish/search/search-aids-file.ts), once for the site and the archive's offline zip,
 * so the route is added to the dev server only.
 */
import type { AstroIntegration } from 'astro';

/** The Astro integration. */
export function searchAidsRoute(): AstroIntegration {
  return {
    name: 'search-aids',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/search-aids.js', entrypoint: new URL('./search-aids-route.ts', import.meta.url) });
      },
    },
  };
}
