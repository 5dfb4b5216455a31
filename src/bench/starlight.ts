/**
 * The alternative a team would pick, measured side by side: the same plan as a plain Astro Starlight site
 * (one page per item, the notice and requirements on its home page), installed from npm into a temporary folder,
 * never committed. Only what Starlight offers out of the box: no office pages, no whole-plan page.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../plan/schema.ts';
import { itemToLines } from '../plan/to-text.ts';

/** Versions installed for the comparison (Starlight's current release on the same Astro as ours). */
export const STARLIGHT_VERSIONS = {
  astro: '7.3.5',
  '@astrojs/starlight': '0.42.4',
  '@astrojs/markdown-remark': '7.3.1',
  pagefind: '1.6.0',
};

/** Markdown text that shows as written: escapes Markdown's punctuation (the real plan has little). */
function md(text: string): string {
  return text.replace(/([\\`*_{}[\]<>()#+\-.!|])/gu, '\\$1');
}

/** Writes a Starlight project for `plan` into `dir` (package.json, config, one page per item). */
export function writeStarlightProject(dir: string, plan: Plan): void {
  // Keep the installed packages from an earlier run (npm install is then quick); replace everything else, and
  // drop Astro's cache (kept in node_modules/.astro there), so both sites are built from cold.
  for (const old of ['src', 'dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, old), { recursive: true, force: true });
  mkdirSync(join(dir, 'src/content/docs/items'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'starlight-comparison',
        private: true,
        type: 'module',
        dependencies: STARLIGHT_VERSIONS,
        // Same registry break as the main project: vite 8.4.0 declares an optional dependency that 404s.
        overrides: { vite: '8.3.8' },
        allowScripts: { esbuild: true, sharp: true },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://plan.example.gov.cn',
  integrations: [starlight({ title: '2020年工作要点', defaultLocale: 'root', locales: { root: { label: '简体中文', lang: 'zh-CN' } } })],
});
`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  const n = plan.notice;
  const home = [...(n ? [...(n.issuer ? [n.issuer] : []), n.title, ...(n.addressees ? [n.addressees] : []), ...n.body, ...n.signatories, n.date] : []), plan.title, ...plan.requirements];
  writeFileSync(join(dir, 'src/content/docs/index.md'), `---\ntitle: ${JSON.stringify(plan.title)}\n---\n\n${home.map(md).join('\n\n')}\n`);
  for (const item of plan.items) {
    const [, ...body] = itemToLines(item);
    writeFileSync(
      join(dir, `src/content/docs/items/${item.number}.md`),
      `---\ntitle: ${JSON.stringify(`${item.number}. ${item.title}`)}\nsidebar:\n  order: ${item.number}\n---\n\n${body.map(md).join('\n\n')}\n`,
    );
  }
}
