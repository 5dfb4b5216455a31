/**
 * The archive the `archive` test project checks: the seed and the test edition (tests/fixtures/editions/2021/)
 * built together in a copy of the project, as a web team deploys it (BASE_PATH=/plans/, the department's site
 * URL). Built once per test run (Vitest global setup), then read by every file of the project through the
 * environment below, as the `site` project reads dist/.
 *
 * The same plans are also built as units (scripts/unit.ts), each in a copy of its own with nothing cached, as on
 * a machine of its own, and assembled in a third: tests/archive/units.test.ts compares that site with the one
 * build. These builds share nothing, so they run side by side, one per core: on CI's two cores the one build and
 * the first unit together, then the second unit, then the assembly, instead of four builds one after another.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readPlans } from '../../src/publish/content/plan-folders.ts';
import { copyProject, inParallel, runAsync, type RunResult } from '../../src/tooling/project-copy.ts';
import { SEED_DIR } from './seed.ts';

/** Where the copy lives (inside .build/, git-ignored), and how the tests find it. */
const ROOT = resolve('.build/test-archive');
export const TEST_ARCHIVE_ENV = {
  DIST_DIR: join(ROOT, 'project/dist'),
  CONTENT_DIR: join(ROOT, 'project/content'),
  BASE_PATH: '/plans/',
  SITE_URL: 'https://www.example.gov.cn',
} as const;

/** The plan folders built (the seed's and the test edition's, copied under their names here), and the one build. */
export const TEST_ARCHIVE = {
  plans: join(ROOT, 'plans'),
  project: join(ROOT, 'project'),
  /** What the one build printed (stdout and stderr): the build-cache test reads its first, clean build's warnings here. */
  log: join(ROOT, 'build.log'),
} as const;

/** The plans built as units: each unit in `units/<id>/`, the site assembled from them, the copy that assembled it. */
export const TEST_UNITS = {
  units: join(ROOT, 'units'),
  assembled: join(ROOT, 'assembled'),
  project: join(ROOT, 'assembly-project'),
} as const;

/** The plan folders built: the seed's and the test edition's. */
const PLAN_FOLDERS = { seed: SEED_DIR, edition: 'tests/fixtures/editions/2021' };

/**
 * How every build of these plans is told of them. PLANS_DIR is relative, and each project copy sits beside the
 * plans: the generated content names its source by this path, and content is part of the page cache's keys, so
 * a copy of a built project beside a copy of the plans (the build-cache test's) finds its cache entries valid.
 */
export const TEST_ARCHIVE_BUILD_ENV = { PLANS_DIR: '../plans', BASE_PATH: TEST_ARCHIVE_ENV.BASE_PATH, SITE_URL: TEST_ARCHIVE_ENV.SITE_URL };

/** Runs `node <args>` in `dir`; fails the setup, with the command's output, if it does not succeed. */
async function node(dir: string, what: string, args: string[]): Promise<RunResult> {
  const started = Date.now();
  const result = await runAsync(dir, 'node', args, TEST_ARCHIVE_BUILD_ENV);
  if (result.status !== 0) throw new Error(`${what} failed:\n${result.stderr}\n${result.stdout}`);
  console.log(`${what} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

export default async function setup(): Promise<void> {
  rmSync(ROOT, { recursive: true, force: true });
  for (const [name, from] of Object.entries(PLAN_FOLDERS)) {
    mkdirSync(TEST_ARCHIVE.plans, { recursive: true });
    cpSync(from, join(TEST_ARCHIVE.plans, name), { recursive: true });
  }
  const ids = (await readPlans({ PLANS_DIR: TEST_ARCHIVE.plans })).map((p) => p.config.id);
  const oneBuild = async () => {
    const dir = copyProject(TEST_ARCHIVE.project);
    const build = await node(dir, `test archive (two plans, under ${TEST_ARCHIVE_ENV.BASE_PATH}) built`, ['scripts/build.ts']);
    writeFileSync(TEST_ARCHIVE.log, build.stdout + build.stderr);
  };
  const unit = async (id: string) => {
    const dir = copyProject(join(ROOT, `unit-project-${id}`));
    await node(dir, `unit ${id} built`, ['scripts/unit.ts', 'build', id, '--out', TEST_UNITS.units]);
  };
  // The one build first, then each unit; the assembly once every unit is there.
  await inParallel<() => Promise<void>, void>([oneBuild, ...ids.map((id) => () => unit(id))], (job) => job());
  await node(copyProject(TEST_UNITS.project), `${ids.length} units assembled`, ['scripts/unit.ts', 'assemble', TEST_UNITS.units, '--out', TEST_UNITS.assembled]);
}
