// @ts-check
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { readRenderSet } from './src/contract/render-set.ts';
import { siteOptions } from './src/contract/site-options.ts';
import { clientScripts } from './src/integrations/client-scripts.ts';
import { planContent } from './src/integrations/plan-content.ts';
import { planRecords } from './src/integrations/plan-records.ts';
import { renderSet } from './src/integrations/render-set.ts';
import { searchAidsRoute } from './src/integrations/search-aids.ts';

const { site, base } = siteOptions(process.env);
// Which plans this build renders: read here only, handed to the site as virtual:render-set.
const render = readRenderSet(process.env);

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
  // No sitemap integration: the build writes the sitemap once the whole site is there, the pages copied from the
  // page cache too (src/publish/deploy/sitemap.ts); and /search-aids.js (src/publish/search/search-aids-file.ts).
  integrations: [mdx(), clientScripts(), planContent(), planRecords(), renderSet(render), searchAidsRoute()],
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
