/**
 * A plan as a unit of work, for building plans on several machines (scripts/unit.ts): what files of the site a
 * plan's unit holds, the manifest written beside them, and the checks an assembly makes before it trusts a unit.
 *
 * A unit holds everything of the site that derives from its plan alone, given the small summary of the other
 * plans its pages show: its pages, data files and downloads (`<id>/…`, with their .br/.gz) and its search index
 * (`pagefind/<id>/…`). Everything else (the archive's own pages, shared assets, the sitemap, the list of
 * indexes, the archive's zip) is made by the assembly, from every plan.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The manifest's file name in a unit folder; the site's files are under SITE_FOLDER beside it. */
export const MANIFEST = 'unit.json';
export const SITE_FOLDER = 'site';
/** The manifest's format: an assembly refuses any other. */
export const UNIT_FORMAT = 'plan-unit/1';

/** What a unit says of itself. */
export interface UnitManifest {
  format: string;
  /** The plan's id (its URL segment). */
  plan: string;
  /**
   * The content key of the plan's pages (page-cache.ts: its content, the other plans' summaries, the archive's
   * settings, where the site is served, the code and installed packages), which every other output of the unit
   * derives from too.
   */
  key: string;
  /** Where the site is served: SITE_URL and BASE_PATH. */
  target: { site: string; base: string };
  /** Every file of the unit, relative to the site root, with the SHA-256 of its bytes, sorted by path. */
  files: Record<string, string>;
}

/**
 * Whether a file of the built site (path relative to its root, `/`-separated) belongs to plan `id`'s unit.
 * @example inUnit('2020', '2020/items/3/index.html') // true
 * @example inUnit('2020', 'pagefind/plans.json') // false (the assembly writes it)
 */
export function inUnit(id: string, path: string): boolean {
  return path.startsWith(`${id}/`) || path.startsWith(`pagefind/${id}/`);
}

/** SHA-256 of bytes, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What an assembly knows of the archive it builds: each plan's current key, and where the site is served. */
export interface AssemblyExpectation {
  keys: ReadonlyMap<string, string>;
  target: { site: string; base: string };
}

/** A unit as found on disk: its folder and its parsed manifest (or why it could not be read). */
export interface FoundUnit {
  dir: string;
  manifest: UnitManifest | { error: string };
}

/**
 * The problems that keep units from being assembled, one `path:line:col: rule-id: message` line each: a manifest
 * that cannot be read or is of another format, a unit of a plan the archive does not hold or of one plan twice, a
 * unit built for another address or from other inputs (stale), and a plan of the archive no unit covers.
 * File contents are checked separately (unitFileProblems), since they need the disk.
 */
export function unitProblems(units: readonly FoundUnit[], expected: AssemblyExpectation): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const ids = [...expected.keys.keys()];
  for (const { dir, manifest } of units) {
    const at = `${join(dir, MANIFEST)}:1:1`;
    if ('error' in manifest) {
      problems.push(`${at}: unit-unreadable: ${manifest.error}`);
      continue;
    }
    if (manifest.format !== UNIT_FORMAT) {
      problems.push(`${at}: unit-format: the unit is of format “${manifest.format}”, this assembly reads “${UNIT_FORMAT}”; build it again with this code (node scripts/unit.ts build ${manifest.plan} --out …).`);
      continue;
    }
    const key = expected.keys.get(manifest.plan);
    if (key === undefined) {
      problems.push(`${at}: unit-unknown-plan: the unit is of plan “${manifest.plan}”, which the archive does not hold (its plans: ${ids.join(', ')}); leave the unit out or add the plan's folder.`);
      continue;
    }
    const earlier = seen.get(manifest.plan);
    if (earlier !== undefined) {
      problems.push(`${at}: unit-duplicate: plan “${manifest.plan}” has a unit in ${earlier} already; give each plan one unit.`);
      continue;
    }
    seen.set(manifest.plan, dir);
    if (manifest.target.site !== expected.target.site || manifest.target.base !== expected.target.base) {
      problems.push(
        `${at}: unit-target: the unit of “${manifest.plan}” was built for ${manifest.target.site}${manifest.target.base}, this assembly for ${expected.target.site}${expected.target.base}; build both with the same SITE_URL and BASE_PATH.`,
      );
    } else if (manifest.key !== key) {
      problems.push(
        `${at}: unit-stale: the unit of “${manifest.plan}” was built from other inputs than this assembly sees (the plan, another plan's title or config, the archive's settings, or the code changed since); build it again: node scripts/unit.ts build ${manifest.plan} --out …`,
      );
    }
  }
  for (const id of ids) {
    if (!seen.has(id)) {
      problems.push(`${units[0] ? join(units[0].dir, '..') : '.'}:1:1: unit-missing: no unit of plan “${id}” was given; build it (node scripts/unit.ts build ${id} --out …) and pass its folder.`);
    }
  }
  return problems;
}

/**
 * The problems of a unit's files against its manifest: a file listed and missing or changed, a file present and
 * not listed, a file outside the plan's part of the site. `present` maps each file found to its SHA-256.
 */
export function unitFileProblems(dir: string, manifest: UnitManifest, present: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const site = join(dir, SITE_FOLDER);
  for (const [path, hash] of Object.entries(manifest.files)) {
    const found = present.get(path);
    if (!inUnit(manifest.plan, path)) problems.push(`${join(dir, MANIFEST)}:1:1: unit-foreign-file: ${path} is not part of plan “${manifest.plan}”'s unit; build the unit again.`);
    else if (found === undefined) problems.push(`${join(site, path)}:1:1: unit-damaged: the manifest lists this file and it is missing; copy the unit again, or build it again.`);
    else if (found !== hash) problems.push(`${join(site, path)}:1:1: unit-damaged: the file's bytes differ from those the unit was built with; copy the unit again, or build it again.`);
  }
  for (const path of present.keys()) {
    if (!(path in manifest.files)) problems.push(`${join(site, path)}:1:1: unit-damaged: the file is not in the unit's manifest; remove it, or build the unit again.`);
  }
  return problems;
}
