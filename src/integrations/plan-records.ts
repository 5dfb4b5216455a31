/**
 * Hands the plans' records (content/plans/<id>/plan.json, as the content step wrote them) to the pages as the module
 * `virtual:plan-records`: by path from the project's root, e.g. /content/plans/2020/plan.json → the record as parsed.
 *
 * In a build, the module reads the files when the pages are rendered, not as JSON modules Vite bundles: every
 * plan's record went into the server bundle on each build (14.5 MB at 100 plans), parsed and written out by the
 * bundler, then compiled again by Node, to render one changed plan. In `astro dev` it is Vite's glob, which Vite
 * watches, so an edited record reloads the page.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { virtualSource } from './virtual-module.ts';

/** The glob the records are found by, from the project's root. */
const RECORDS = '/content/plans/*/plan.json';

/** The module's source for a build: the records read from `dir` (content/plans) when the pages are rendered. */
export function recordsReadAtRender(dir: string): string {
  return [
    "import { existsSync, readdirSync, readFileSync } from 'node:fs';",
    `const dir = ${JSON.stringify(dir)};`,
    'const records = {};',
    // In the glob's order (Vite sorts the paths it finds).
    'for (const id of existsSync(dir) ? readdirSync(dir).sort() : []) {',
    "  const file = `${dir}/${id}/plan.json`;",
    "  if (existsSync(file)) records[`/content/plans/${id}/plan.json`] = JSON.parse(readFileSync(file, 'utf8'));",
    '}',
    'export default records;',
  ].join('\n');
}

/** The Astro integration. */
export function planRecords(): AstroIntegration {
  return {
    name: 'plan-records',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        const source = command === 'build' ? recordsReadAtRender(fileURLToPath(new URL('content/plans', config.root))) : `export default import.meta.glob(${JSON.stringify(RECORDS)}, { eager: true, import: 'default' });`;
        updateConfig({ vite: { plugins: [virtualSource('virtual:plan-records', source)] } });
      },
    },
  };
}
