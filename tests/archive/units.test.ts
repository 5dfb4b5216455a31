/**
 * Plans as units of work (scripts/unit.ts): the test archive's two plans built as separate units, each in a
 * cache of its own as on a machine of its own, then assembled, give the same site as the one build of both the
 * archive project made (tests/support/test-archive.ts): the same files, byte for byte, but for the sitemap (see
 * below). An assembly refuses a unit changed since it was built, and a set of units missing a plan, with located
 * messages and nothing written.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteFiles } from '../../src/publish/offline/offline-bundle.ts';
import { copyProject, run } from '../../src/tooling/project-copy.ts';
import { builtArchive, DIST } from '../support/dist.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { TEST_ARCHIVE_ENV } from '../support/test-archive.ts';

const ROOT = resolve('.build/test-units');
const PLANS = resolve('.build/test-archive/plans');
const env = { PLANS_DIR: PLANS, BASE_PATH: TEST_ARCHIVE_ENV.BASE_PATH, SITE_URL: TEST_ARCHIVE_ENV.SITE_URL };
let project: string;
let ids: string[];

/** Runs scripts/unit.ts in the project copy with a cache of its own (as on a machine of its own). */
function unit(args: string[]) {
  rmSync(join(project, '.build/cache'), { recursive: true, force: true });
  return run(project, 'node', ['scripts/unit.ts', ...args], env);
}

/** The URLs a sitemap lists, sorted. */
function sitemapUrls(dir: string): string[] {
  const files = filesOf(dir).filter((f) => /^sitemap-\d+\.xml$/u.test(f));
  return nonEmpty(files, 'sitemap files').flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1]!)).sort();
}
/** The files of a site, listed once in beforeAll. */
const listed = new Map<string, string[]>();
const filesOf = (dir: string) => listed.get(dir)!;

beforeAll(async () => {
  ids = builtArchive().map((e) => e.id);
  expect(ids).toHaveLength(2);
  rmSync(ROOT, { recursive: true, force: true });
  project = copyProject(join(ROOT, 'project'));
  // Each plan its own unit, built one after the other with nothing cached, then assembled with nothing cached.
  for (const id of ids) {
    const built = unit(['build', id, '--out', 'units']);
    expect(built.status, `${built.stderr}\n${built.stdout}`).toBe(0);
  }
  const assembled = unit(['assemble', 'units', '--out', 'assembled']);
  expect(assembled.status, `${assembled.stderr}\n${assembled.stdout}`).toBe(0);
  for (const dir of [DIST, join(project, 'assembled')]) listed.set(dir, await siteFiles(dir));
}, 600_000);

describe('units built apart and assembled', () => {
  it('hold each plan’s pages, index and downloads, and nothing of the other plan', async () => {
    for (const id of ids) {
      const files = nonEmpty(await siteFiles(join(project, 'units', id, 'site')), `files of unit ${id}`);
      expect(files.every((f) => f.startsWith(`${id}/`) || f.startsWith(`pagefind/${id}/`))).toBe(true);
      expect(files).toContain(`${id}/index.html`);
      expect(files).toContain(`pagefind/${id}/pagefind-entry.json`);
      expect(files.filter((f) => f.startsWith(`${id}/downloads/`) && /\.(pdf|zip)$/u.test(f))).toHaveLength(3);
    }
  });

  it('give the same files as one build of both plans', () => {
    const one = filesOf(DIST);
    expect(filesOf(join(project, 'assembled'))).toEqual(nonEmpty(one, 'files of the one build'));
  });

  it('give the same bytes in every file but the sitemap, and the sitemap lists the same pages', () => {
    const assembled = join(project, 'assembled');
    const differ = nonEmpty(filesOf(DIST), 'files of the one build').filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(assembled, f))));
    // Astro writes the sitemap in the order it rendered the pages; the assembly renders only the archive's own
    // pages and names the units' pages after them (customPages), so the order, and with it the bytes of the sitemap
    // and its compressed copies, differ. What it lists is the same.
    expect(differ.filter((f) => !/^sitemap-\d+\.xml(\.br|\.gz)?$/u.test(f))).toEqual([]);
    expect(sitemapUrls(assembled)).toEqual(sitemapUrls(DIST));
  });
});

describe('an assembly', () => {
  it('refuses a unit whose files changed since it was built, naming the file, and writes nothing', () => {
    const damaged = join(ROOT, 'damaged');
    rmSync(damaged, { recursive: true, force: true });
    cpSync(join(project, 'units'), damaged, { recursive: true });
    const page = join(damaged, ids[0]!, 'site', ids[0]!, 'index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited -->`);
    const result = unit(['assemble', damaged, '--out', 'refused']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${page}:1:1: unit-damaged: `);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect(existsSync(join(project, 'refused'))).toBe(false);
  });

  it('refuses units that leave a plan of the archive out, naming the plan', () => {
    const result = unit(['assemble', join(project, 'units', ids[0]!), '--out', 'refused']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`unit-missing: no unit of plan “${ids[1]}” was given`);
    expect(existsSync(join(project, 'refused'))).toBe(false);
  });
});
