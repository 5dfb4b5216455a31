/**
 * The alternative a team would pick, measured side by side: the same plan as a plain Astro Starlight site
 * (one page per item, the notice and requirements on its home page), installed from npm into a temporary folder,
 * never committed. Only what Starlight offers out of the box: no office pages, no whole-plan page. For an
 * archive, writeStarlightArchive gives Starlight as many pages as our build of the same plans has.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../plan/schema.ts';
import { itemLabel, itemToLines, planToText, sectionHeading } from '../plan/to-text.ts';

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

/** Writes package.json, the config (title, sidebar) and the content config; empties src/ and the caches. */
function writeProjectFiles(dir: string, title: string, sidebar?: { label: string; link: string }[]): void {
  // Keep the installed packages from an earlier run (npm install is then quick); replace everything else, and
  // drop Astro's cache (kept in node_modules/.astro there), so both sites are built from cold.
  for (const old of ['src', 'dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, old), { recursive: true, force: true });
  mkdirSync(join(dir, 'src/content/docs'), { recursive: true });
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
  const options = { title, defaultLocale: 'root', locales: { root: { label: '简体中文', lang: 'zh-CN' } }, ...(sidebar ? { sidebar } : {}) };
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://plan.example.gov.cn',
  integrations: [starlight(${JSON.stringify(options)})],
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
}

/** A Markdown page: front matter with the title, then the lines as paragraphs. */
function page(title: string, lines: readonly string[], order?: number): string {
  const sidebar = order === undefined ? '' : `sidebar:\n  order: ${order}\n`;
  return `---\ntitle: ${JSON.stringify(title)}\n${sidebar}---\n\n${lines.map(md).join('\n\n')}\n`;
}

/** The notice, title and requirements: what a plan's home page shows. */
function homeLines(plan: Plan): string[] {
  const n = plan.notice;
  return [...(n ? [...(n.issuer ? [n.issuer] : []), ...(n.title ? [n.title] : []), ...(n.addressees ? [n.addressees] : []), ...n.body, ...n.signatories, n.date] : []), plan.title, ...plan.requirements];
}

/** Writes a Starlight project for `plan` into `dir` (package.json, config, one page per item). */
export function writeStarlightProject(dir: string, plan: Plan): void {
  writeProjectFiles(dir, plan.title);
  mkdirSync(join(dir, 'src/content/docs/items'), { recursive: true });
  writeFileSync(join(dir, 'src/content/docs/index.md'), page(plan.title, homeLines(plan)));
  for (const item of plan.items) {
    const [, ...body] = itemToLines(item);
    writeFileSync(join(dir, `src/content/docs/items/${item.number}.md`), page(`${item.number}. ${item.title}`, body, item.number));
  }
}

/**
 * Writes a Starlight project of an archive with exactly `pages` pages (Starlight's own 404 included), so both
 * builds make as many: per plan the pages ours has with text (home, items, sections, offices and their list, the
 * whole text, targets, citations, search, data), then the archive's office pages, cut at the count. The sidebar links each
 * plan's home (Starlight's default sidebar would list every page on every page).
 */
export function writeStarlightArchive(dir: string, plans: readonly { id: string; plan: Plan }[], pages: number): number {
  writeProjectFiles(dir, '工作要点档案', plans.map(({ id, plan }) => ({ label: plan.title, link: `/${id}/` })));
  const files: [string, string][] = [['index.md', page('工作要点档案', plans.map(({ plan }) => plan.title))]];
  for (const { id, plan } of plans) {
    const itemTitles = (numbers: readonly number[]) => numbers.map((n) => `${itemLabel(plan.items[n - 1]!)}${plan.items[n - 1]!.title}`);
    files.push([`${id}/index.md`, page(plan.title, [...homeLines(plan), ...plan.sections.map(sectionHeading)])]);
    for (const item of plan.items) files.push([`${id}/items/${item.id}.md`, page(`${item.number}. ${item.title}`, itemToLines(item).slice(1), item.number)]);
    for (const section of plan.sections) files.push([`${id}/sections/${section.number}.md`, page(sectionHeading(section), itemTitles(section.items))]);
    files.push([`${id}/offices/index.md`, page('处室', plan.offices.map((o) => o.name))]);
    for (const office of plan.offices) files.push([`${id}/offices/${office.slug}.md`, page(office.name, itemTitles(office.items.map((i) => i.number)))]);
    files.push([`${id}/full.md`, page(`${plan.title}（全文）`, planToText(plan).split('\n').filter((l) => l.trim()))]);
    files.push([`${id}/targets.md`, page('量化目标', plan.targets.map((t) => t.context || t.text))]);
    files.push([`${id}/citations.md`, page('引用文件', plan.citations.map((c) => c.title))]);
    files.push([`${id}/search.md`, page('搜索', plan.sections.map(sectionHeading))]);
    files.push([`${id}/data.md`, page('数据下载', ['plan.json', 'items.csv', 'offices.csv', 'responsibilities.csv'])]);
  }
  const offices = [...new Map(plans.flatMap(({ plan }) => plan.offices.map((o) => [o.slug, o.name] as const)))];
  files.push(['offices/index.md', page('处室', offices.map(([, name]) => name))]);
  for (const [slug, name] of offices) files.push([`offices/${slug}.md`, page(name, plans.filter(({ plan }) => plan.offices.some((o) => o.slug === slug)).map(({ plan }) => plan.title))]);
  const kept = files.slice(0, pages - 1);
  for (const [path, text] of kept) {
    mkdirSync(join(dir, 'src/content/docs', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'src/content/docs', path), text);
  }
  return kept.length + 1;
}
