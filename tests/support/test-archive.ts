/**
 * The archive the `archive` test project checks: the seed and the test edition (tests/fixtures/editions/2021/)
 * built together in a copy of the project, as a web team deploys it (BASE_PATH=/plans/, the department's site
 * URL). Built once per test run (Vitest global setup), then read by every file of the project through the
 * environment below, as the `site` project reads dist/.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyProject, run } from '../../src/tooling/project-copy.ts';
import { SEED_DIR } from './seed.ts';

/** Where the copy lives (inside .build/, git-ignored), and how the tests find it. */
const ROOT = resolve('.build/test-archive');
export const TEST_ARCHIVE_ENV = {
  DIST_DIR: join(ROOT, 'project/dist'),
  CONTENT_DIR: join(ROOT, 'project/content'),
  BASE_PATH: '/plans/',
  SITE_URL: 'https://www.example.gov.cn',
} as const;

/** The plan folders built: the seed's and the test edition's. */
const PLAN_FOLDERS = { seed: SEED_DIR, edition: 'tests/fixtures/editions/2021' };

export default function setup(): void {
  rmSync(ROOT, { recursive: true, force: true });
  const plans = join(ROOT, 'plans');
  for (const [name, from] of Object.entries(PLAN_FOLDERS)) {
    mkdirSync(plans, { recursive: true });
    cpSync(from, join(plans, name), { recursive: true });
  }
  const dir = copyProject(join(ROOT, 'project'));
  const started = Date.now();
  const build = run(dir, 'node', ['scripts/build.ts'], { PLANS_DIR: plans, BASE_PATH: TEST_ARCHIVE_ENV.BASE_PATH, SITE_URL: TEST_ARCHIVE_ENV.SITE_URL });
  if (build.status !== 0) throw new Error(`the test archive did not build:\n${build.stderr}\n${build.stdout}`);
  console.log(`test archive (two plans, under ${TEST_ARCHIVE_ENV.BASE_PATH}) built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
