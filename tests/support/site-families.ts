/**
 * The sites the site-families test checks: one per family of the genre whose pages differ from the seed's (no
 * sections and no 责任单位, three levels, a first section of prose, traditional characters, 牵头/配合单位 lists with a
 * 完成时限 below them), each built in a copy
 * of the project (src/tooling/project-copy.ts) as `PLAN_FILE=<file> npm run build` makes its pages, without the
 * PDFs and zips (tests/support/build-site-from-plan.ts). Built once per run (Vitest global setup), as many at
 * once as the machine has cores: each in its own copy, they share nothing.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProject, inParallel, runAsync } from '../../src/tooling/project-copy.ts';

/** Where the copies live (inside .build/, git-ignored). */
export const FAMILIES_ROOT = resolve('.build/site-families');
/** The site URL the family sites are built for. */
export const FAMILIES_SITE = 'https://example.gov.cn';

/** One family: its name and the plan file it is built from. */
export interface Family {
  name: string;
  plan: string;
}

export const FAMILIES: Family[] = [
  { name: 'no-sections-no-units', plan: 'tests/site-families/plans/no-sections-no-units.txt' },
  { name: 'three-levels', plan: 'tests/site-families/plans/three-levels.txt' },
  { name: 'prose-first-section', plan: 'tests/site-families/plans/prose-first-section.txt' },
  { name: 'traditional', plan: 'tests/site-families/plans/traditional.txt' },
  // 牵头单位：…；配合单位：… lists (an item's and the closing's), 问题描述 and 完成时限 printed below the units, a 附件说明.
  { name: 'lead-partner-deadline', plan: 'tests/site-families/plans/lead-partner-deadline.txt' },
];

/** The built site of a family, and the content the build wrote (content/plans/<id>/plan.json). */
export function familyDirs(name: string): { dist: string; content: string } {
  const project = join(FAMILIES_ROOT, name, 'project');
  return { dist: join(project, 'dist'), content: join(project, 'content') };
}

export default async function setup(): Promise<void> {
  rmSync(FAMILIES_ROOT, { recursive: true, force: true });
  await inParallel(FAMILIES, async (family) => {
    const dir = copyProject(join(FAMILIES_ROOT, family.name, 'project'));
    const started = Date.now();
    const plan = resolve(family.plan);
    const env = { SITE_URL: FAMILIES_SITE };
    mkdirSync(join(dir, 'tests/support'), { recursive: true });
    cpSync(resolve('tests/support/build-site-from-plan.ts'), join(dir, 'tests/support/build-site-from-plan.ts'));
    const build = await runAsync(dir, 'node', ['tests/support/build-site-from-plan.ts', plan, 'dist'], env);
    if (build.status !== 0) throw new Error(`the ${family.name} site did not build:\n${build.stderr}\n${build.stdout}`);
    console.log(`site family ${family.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
}
