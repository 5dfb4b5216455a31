// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { siteOptions } from './src/build/site-options.ts';

const { site, base } = siteOptions(process.env);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One cached stylesheet for every page instead of inline styles: smaller pages and no 'unsafe-inline' in the CSP.
    inlineStylesheets: 'never',
  },
  outDir: process.env.ASTRO_OUT_DIR || 'dist',
  integrations: [mdx(), sitemap()],
  vite: {
    plugins: [tailwindcss()],
  },
  devToolbar: { enabled: false },
});
