/**
 * The search index's planning: one index per plan, holding exactly that plan's pages, under a key that changes
 * when that plan's records or the indexing code change and only then — so a change to one plan re-indexes it alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchiveEntry } from '../../src/config/archive-entry.ts';
import { fixtureEntry as entry, fixtureSeed as seed } from '../support/fixture-entry.ts';
import { planIndexes, planRecordsFile } from '../../src/publish/search/index-plan.ts';
import { RECORDS_MAX_BYTES, type PlanRecord } from '../../src/search/records-file.ts';
import { checkRecordPages } from '../../src/publish/search/search-index.ts';
import { StepError } from '../../src/publish/pipeline/cli.ts';
import { FILTERS } from '../../src/search/filters.ts';
import { nonEmpty } from '../support/non-empty.ts';

/** `e` with its first item's title changed: a change to the plan's text that its records carry. */
function retitled(e: ArchiveEntry): ArchiveEntry {
  const changed = structuredClone(e);
  changed.plan.items[0]!.title += '（修订）';
  return changed;
}

const CODE = 'code-v1';

describe('planIndexes', () => {
  it('plans one index per plan, in the archive order, each with only its own plan’s pages, filtered by that plan', () => {
    const archive = [entry('2021', 2021), entry('2020', 2020)];
    const plans = planIndexes(archive, CODE);
    expect(plans.map((p) => p.id)).toEqual(['2021', '2020']);
    for (const plan of plans) {
      for (const record of nonEmpty(plan.records, `records of ${plan.id}`)) {
        expect(record.url.startsWith(`${plan.id}/`), record.url).toBe(true);
        expect(record.meta.path).toBe(record.url);
        expect(record.filters[FILTERS.plan]).toEqual([plan.id]);
      }
    }
    // Every item of the plan has a record (besides its offices and sections).
    const items = plans[0]!.records.filter((r) => r.meta.kind === 'item');
    expect(items.length).toBe(archive[0]!.plan.items.length);
  });

  it('gives the same key on every run, and different keys to different plans', () => {
    const archive = [entry('2021', 2021), entry('2020', 2020)];
    const [a, b] = planIndexes(archive, CODE);
    expect(planIndexes(archive, CODE).map((p) => p.key)).toEqual([a!.key, b!.key]);
    expect(a!.key).toMatch(/^[0-9a-f]{64}$/u);
    expect(a!.key).not.toBe(b!.key);
  });

  it('re-keys only the plan whose records changed', () => {
    const before = planIndexes([entry('2021', 2021), entry('2020', 2020)], CODE);
    const after = planIndexes([retitled(entry('2021', 2021)), entry('2020', 2020)], CODE);
    expect(after[0]!.key).not.toBe(before[0]!.key);
    expect(after[1]!.key).toBe(before[1]!.key);
  });

  it('re-keys every plan when the indexing code (or Pagefind’s version) changed', () => {
    const archive = [entry('2021', 2021), entry('2020', 2020)];
    const before = planIndexes(archive, CODE);
    const after = planIndexes(archive, 'code-v2');
    expect(after.map((p, i) => p.key === before[i]!.key)).toEqual([false, false]);
  });

  it('re-keys a plan whose year changed, since its results name the year', () => {
    const before = planIndexes([entry('2021', 2021)], CODE);
    const after = planIndexes([entry('2021', 2022)], CODE);
    expect(after[0]!.key).not.toBe(before[0]!.key);
  });
});

describe('checkRecordPages', () => {
  // The index is written while Astro builds, so the pages it points to are checked once the site is there.
  const archive = [entry('2021', 2021)];
  /** A site folder holding every page the plan's records point to. */
  function builtSite(): { site: string; urls: readonly string[] } {
    const site = mkdtempSync(join(tmpdir(), 'record-pages-'));
    const urls = nonEmpty(planIndexes(archive, CODE)[0]!.records.map((r) => r.url), 'the records’ pages');
    for (const url of urls) {
      mkdirSync(join(site, url), { recursive: true });
      writeFileSync(join(site, url, 'index.html'), '<!doctype html>');
    }
    return { site, urls };
  }

  it('passes when every page a record points to is built', () => {
    const { site, urls } = builtSite();
    expect(() => checkRecordPages(urls, site)).not.toThrow();
  });

  it('names the record whose page is missing', () => {
    const { site, urls } = builtSite();
    rmSync(join(site, urls[1]!, 'index.html'));
    expect(() => checkRecordPages(urls, site)).toThrow(StepError);
    expect(() => checkRecordPages(urls, site)).toThrow(`search index: ${urls[1]} is not a page of the built site.`);
  });
});

describe('a plan\'s records file', () => {
  it('holds every record of its index, the text whole, with what the filters need', () => {
    const [index] = planIndexes([entry('demo', 2021)], CODE);
    const records = JSON.parse(planRecordsFile(index!)!) as PlanRecord[];
    expect(records.map((r) => r.path)).toEqual(nonEmpty(index!.records.map((r) => r.meta.path), 'records'));
    const items = nonEmpty(records.filter((r) => r.kind === 'item'), 'item records');
    for (const [i, item] of seed.plan.items.entries()) {
      const record = items.find((r) => r.number === item.number)!;
      expect(record.title).toBe(item.title);
      expect(record.year).toBe(2021);
      // Pagefind's tokens put back together: no whitespace between the characters, every character of the title there.
      expect(record.text).not.toMatch(/\s/u);
      expect(record.text).toContain(item.title.replace(/\s+/gu, ''));
      expect(record.offices, `item ${i}`).toEqual(index!.records.find((r) => r.meta.path === record.path)!.filters[FILTERS.office]);
    }
  });

  it('is left out when it would be over its limit, so the plan is searched through Pagefind', () => {
    const [index] = planIndexes([entry('demo', 2021)], CODE);
    const big = structuredClone(index!);
    big.records[0]!.content += ' 字'.repeat(RECORDS_MAX_BYTES / 3);
    expect(planRecordsFile(index!)).toBeDefined();
    expect(planRecordsFile(big)).toBeUndefined();
  });
});
