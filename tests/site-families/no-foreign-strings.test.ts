/**
 * Nothing of one plan in code: a site shows the words of the plan it was built from and of no other. The family
 * sites (tests/support/site-families.ts builds them; no build of its own here) are plans of other bodies, years
 * and shapes than the seed, built by the same code; every text file each one serves (pages, scripts, styles, JSON,
 * search data, sitemap) is read, and none may hold a string that sets the seed, or another family, apart: its
 * title, issuer, 发文字号, dates, office names, headlines, section titles, targets, cited documents, the labels its
 * items print, the words its search box suggests. A page that quoted one plan in its code (a placeholder, a code
 * example, a schema description, a zip's date) would carry that plan's words into every other plan's site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchExamples } from '../../src/lib/plan-shape.ts';
import { stripWhitespace } from '../../src/plan/normalize.ts';
import { parsePlan } from '../../src/plan/parse-plan.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { planToText, sectionHeading } from '../../src/plan/to-text.ts';
import { builtArchive } from '../support/dist.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { SEED_FILE, SEED_OPTIONS } from '../support/seed.ts';
import { familyDirs, FAMILIES } from '../support/site-families.ts';

/** What a web server serves as text: the files a reader's browser reads as words. */
const TEXT_FILES = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.txt', '.csv', '.svg', '.webmanifest']);

/** Every text file of a built site, its escapes (\uXXXX in scripts and JSON, &#…; in HTML) read as characters. */
function servedTexts(dist: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const e of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !TEXT_FILES.has(extname(e.name))) continue;
    const path = join(e.parentPath, e.name);
    const raw = readFileSync(path, 'utf8')
      .replace(/\\u([0-9a-fA-F]{4})/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
      .replace(/&#x([0-9a-fA-F]+);|&#(\d+);/gu, (_, hex?: string, dec?: string) => String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec)));
    texts.set(relative(dist, path), stripWhitespace(raw));
  }
  return texts;
}

const bare = (label: string) => label.replace(/[：:]\s*$/u, '').trim();

/**
 * The genre's names for the responsible units, which the site also uses in its own words for every plan (the
 * office index says which unit of an item leads, the data page what a column holds): terms of the genre, not of
 * one plan. The labels a plan prints for its fields (目标任务, 问题描述 …) are not here: they must not show on
 * another plan's pages.
 */
const SITE_WORDS = new Set(['责任单位', '牵头单位']);

/**
 * The strings that set a plan apart, whitespace removed: its title and notice, its dates, offices, headlines,
 * section titles, targets, cited documents, labels and search examples. Strings of fewer than two Chinese
 * characters are left out: numbers with a unit (93%, 2个, 100%) are printed by many plans and stand in the site's
 * own styles, and 2020 is also a JSON Schema draft's name.
 */
function ownStrings(plan: Plan): string[] {
  const notice = plan.notice;
  const strings = [
    plan.title,
    notice?.title,
    notice?.issuer,
    notice?.docNumber,
    notice?.date,
    notice?.isoDate,
    ...(notice?.signatories ?? []),
    plan.signature?.date,
    plan.signature?.isoDate,
    ...plan.offices.flatMap((o) => [o.name, ...o.aliases]),
    ...plan.items.map((i) => i.title),
    ...plan.sections.filter((s) => !s.implicit).map((s) => sectionHeading(s)),
    ...plan.targets.map((t) => t.text),
    ...plan.citations.map((c) => c.title),
    ...plan.items.flatMap((i) => [...i.fields.map((f) => bare(f.label)), bare(i.source.units?.label ?? '')]),
    ...searchExamples(plan),
  ];
  return [...new Set(strings.filter((s): s is string => Boolean(s)).map(stripWhitespace))].filter((s) => (s.match(/\p{Script=Han}/gu) ?? []).length >= 2 && !SITE_WORDS.has(s));
}

/** The strings of `plan` that `other` does not hold in its own text: finding one in other's site means a leak. */
function foreignTo(plan: Plan, other: Plan): string[] {
  const otherText = stripWhitespace(planToText(other));
  return ownStrings(plan).filter((s) => !otherText.includes(s));
}

/** Where in a site's files each of `strings` stands, as `string in file`. */
function found(texts: Map<string, string>, strings: readonly string[]): string[] {
  return strings.flatMap((s) => [...texts].filter(([, text]) => text.includes(s)).map(([file]) => `${s} in ${file}`));
}

function seedPlan(): Plan {
  const result = parsePlan(readFileSync(SEED_FILE, 'utf8'), SEED_OPTIONS);
  if (!result.ok) throw new Error(`the seed ${SEED_FILE} does not parse`);
  return result.value;
}

const sites = FAMILIES.map((f) => {
  const { dist, content } = familyDirs(f.name);
  const [entry] = builtArchive(content);
  if (!entry) throw new Error(`the ${f.name} site holds no plan`);
  return { name: f.name, plan: entry.plan, texts: servedTexts(dist) };
});
const seed = seedPlan();

describe('no string of one plan in another plan’s site', () => {
  it('reads every site’s served text: pages, scripts, styles and data', () => {
    for (const s of nonEmpty(sites, 'family sites')) {
      const kinds = new Set([...s.texts.keys()].map((f) => extname(f)));
      for (const kind of ['.html', '.js', '.css', '.json', '.csv']) expect(kinds.has(kind), `${s.name} serves ${kind} files`).toBe(true);
    }
  });

  it('finds each plan’s own strings in its own site (the scan sees what a site shows)', () => {
    for (const s of nonEmpty(sites, 'family sites')) {
      const own = nonEmpty(ownStrings(s.plan), `${s.name}'s own strings`);
      const all = [...s.texts.values()].join('\n');
      expect(own.filter((str) => !all.includes(str)), `${s.name}: own strings missing from its site`).toEqual([]);
    }
  });

  it.each(FAMILIES.map((f) => [f.name]))('finds none of the seed’s strings in the %s site', (name) => {
    const site = sites.find((s) => s.name === name)!;
    const strings = nonEmpty(foreignTo(seed, site.plan), 'the seed’s strings');
    // The seed's labels, offices and headlines are many: a scan that compared nothing would pass.
    expect(strings.length).toBeGreaterThan(seed.items.length);
    expect(found(site.texts, strings)).toEqual([]);
  });

  it.each(FAMILIES.map((f) => [f.name]))('finds none of another family’s strings in the %s site', (name) => {
    const site = sites.find((s) => s.name === name)!;
    const leaks = nonEmpty(
      sites.filter((o) => o.name !== name),
      'other families',
    ).flatMap((other) => found(site.texts, nonEmpty(foreignTo(other.plan, site.plan), `${other.name}'s strings`)).map((f) => `${other.name}: ${f}`));
    expect(leaks).toEqual([]);
  });
});
