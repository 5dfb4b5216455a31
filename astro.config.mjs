// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { readRenderSet } from './src/contract/render-set.ts';
import { legacyFolders } from './src/lib/plan-pages.ts';
import { siteOptions } from './src/contract/site-options.ts';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { planContent } from './src/integrations/plan-content.ts';
import { renderSet } from './src/integrations/render-set.ts';

const { site, base } = siteOptions(process.env);
// Which plans this build renders: read here only, handed to the sitemap and (as virtual:render-set) to the site.
const render = readRenderSet(process.env);
// Redirect pages (/current/…, and the single-plan site's old addresses) are not content: keep them out of the sitemap.
// The folders come from the list of a plan's pages (src/lib/plan-pages.ts): those the single-plan site had.
const REDIRECTED = new RegExp(`^(?:${['current', ...legacyFolders()].join('|')})(?:/|$)`, 'u');
/** @param {string} page */
const inSitemap = (page) => !REDIRECTED.test(new URL(page).pathname.slice(base.length));

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet for every page instead of inline styles: smaller pages and no 'unsafe-inline' in the CSP.
    inlineStylesheets: 'never',
    // Pages rendered four at once: rendering one page is CPU, but writing it waits on the disk, and one at a time
    // (Astro's default) the process was idle ~40 % of the time it rendered a 100-plan archive's 7,754 pages.
    concurrency: 4,
  },
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  // Inside the project, not node_modules/.astro: test and benchmark copies share node_modules and build at once.
  cacheDir: './.build/astro-cache',
  // Pages copied from the page cache are not rendered by Astro, so the sitemap is told of them (render-set.ts).
  integrations: [mdx(), sitemap({ filter: inSitemap, customPages: render.reusedPages }), clientScripts(), planContent(), renderSet(render)],
  vite: {
    plugins: [tailwindcss()],
    build: {
      rollupOptions: {
        // Astro's MDX output starts with a "use astro:head-inject" directive that the bundler warns about
        // once per page; the directive is Astro's own and harmless. Everything else is still reported.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
