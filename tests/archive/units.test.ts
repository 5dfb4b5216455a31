/**
 * Plans as units of work (scripts/unit.ts): the test archive's two plans built as separate units, each in a
 * project copy and cache of its own as on a machine of its own, then assembled, give the same site as the one
 * build of both the archive project made (both made by tests/support/test-archive.ts, side by side): the same
 * files, byte for byte, but for pages where Shiki coloured a code example differently (same text; see below). An
 * assembly refuses a unit changed since it was built, and a set of units missing a plan, with located messages
 * and nothing written.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteFiles } from '../../src/publish/offline/offline-bundle.ts';
import { run } from '../../src/tooling/project-copy.ts';
import { builtArchive, DIST } from '../support/dist.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { TEST_ARCHIVE_BUILD_ENV, TEST_UNITS } from '../support/test-archive.ts';

const ROOT = resolve('.build/test-units');
/** The copy that assembled the units; the refusals below are asked of it too. */
const project = TEST_UNITS.project;
let ids: string[];

/** Runs scripts/unit.ts in the assembly's project copy with nothing cached (as on a machine of its own). */
function unit(args: string[]) {
  rmSync(join(project, '.build/cache'), { recursive: true, force: true });
  return run(project, 'node', ['scripts/unit.ts', ...args], TEST_ARCHIVE_BUILD_ENV);
}

/** The files of a site, listed once in beforeAll. */
const listed = new Map<string, string[]>();
const filesOf = (dir: string) => listed.get(dir)!;

beforeAll(async () => {
  ids = builtArchive().map((e) => e.id);
  expect(ids).toHaveLength(2);
  for (const dir of [DIST, TEST_UNITS.assembled]) listed.set(dir, await siteFiles(dir));
});

describe('units built apart and assembled', () => {
  it('hold each plan’s pages, index and downloads, and nothing of the other plan', async () => {
    for (const id of ids) {
      const files = nonEmpty(await siteFiles(join(TEST_UNITS.units, id, 'site')), `files of unit ${id}`);
      expect(files.every((f) => f.startsWith(`${id}/`) || f.startsWith(`pagefind/${id}/`))).toBe(true);
      expect(files).toContain(`${id}/index.html`);
      expect(files).toContain(`pagefind/${id}/pagefind-entry.json`);
      expect(files.filter((f) => f.startsWith(`${id}/downloads/`) && /\.(pdf|zip)$/u.test(f))).toHaveLength(3);
    }
  });

  it('give the same files as one build of both plans', () => {
    const one = filesOf(DIST);
    expect(filesOf(TEST_UNITS.assembled)).toEqual(nonEmpty(one, 'files of the one build'));
  });

  it('give the same bytes in every file, or the same text where Shiki coloured a code example differently', () => {
    const assembled = TEST_UNITS.assembled;
    const files = nonEmpty(filesOf(DIST), 'files of the one build');
    const differ = files.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(assembled, f))));
    // Shiki (Astro's <Code>, on the data page's examples) does not always give a token the same light-theme colour:
    // in one run of two builds of the same pages, one coloured every token of an example as a comment. So a file
    // whose bytes differ must be a page (or a zip, or a compressed copy, holding one) with the same text.
    for (const f of differ) expect(sameText(f, readFileSync(join(DIST, f)), readFileSync(join(assembled, f))), f).toBe(true);
    // The bytes, not only the text, of everything else: the PDFs, the indexes, the other pages.
    expect(differ.length).toBeLessThan(files.length / 10);
    expect(differ.filter((f) => /\.(pdf|pagefind|pf_[a-z]+)$/u.test(f))).toEqual([]);
  });
});

/** The visible text of an HTML page. */
function pageText(bytes: Uint8Array): string {
  const { document } = parseHTML(new TextDecoder().decode(bytes));
  return `${document.title}\n${document.body?.textContent ?? ''}`;
}

/** Whether two versions of file `path` hold the same text: pages by their text, compressed copies and zips by what they hold. */
function sameText(path: string, a: Uint8Array, b: Uint8Array): boolean {
  if (Buffer.from(a).equals(Buffer.from(b))) return true;
  if (path.endsWith('.br')) return sameText(path.slice(0, -3), brotliDecompressSync(a), brotliDecompressSync(b));
  if (path.endsWith('.gz')) return sameText(path.slice(0, -3), gunzipSync(a), gunzipSync(b));
  if (path.endsWith('.html')) return pageText(a) === pageText(b);
  if (path.endsWith('.zip')) {
    const [x, y] = [unzipSync(a), unzipSync(b)];
    const names = Object.keys(x).sort();
    return names.join('\n') === Object.keys(y).sort().join('\n') && names.every((n) => sameText(n, x[n]!, y[n]!));
  }
  return false;
}

describe('an assembly', () => {
  it('refuses a unit whose files changed since it was built, naming the file, and writes nothing', () => {
    const damaged = join(ROOT, 'damaged');
    rmSync(damaged, { recursive: true, force: true });
    cpSync(TEST_UNITS.units, damaged, { recursive: true });
    const page = join(damaged, ids[0]!, 'site', ids[0]!, 'index.html');
    writeFileSync(page, `${readFileSync(page, 'utf8')}<!-- edited -->`);
    const result = unit(['assemble', damaged, '--out', 'refused']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${page}:1:1: unit-damaged: `);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
    expect(existsSync(join(project, 'refused'))).toBe(false);
  });

  it('refuses units that leave a plan of the archive out, naming the plan', () => {
    const result = unit(['assemble', join(TEST_UNITS.units, ids[0]!), '--out', 'refused']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`unit-missing: no unit of plan “${ids[1]}” was given`);
    expect(existsSync(join(project, 'refused'))).toBe(false);
  });
});
