/**
 * Examples for the site and browser tests, picked from the plan the site was built from instead of written into
 * the tests: an item with a quantitative target, an office and the items it leads, search terms that stand in
 * one item or in several, a term whose traditional form differs, the plan's date. A test that names the seed's
 * words checks only the seed; these follow whichever plan was built, and each pick fails loudly when the plan
 * has nothing of its kind (the test would otherwise check nothing).
 */
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import type { ArchiveEntry } from '../../src/config/archive-entry.ts';
import type { Item, Office, Plan, Section, Target } from '../../src/plan/schema.ts';
import { planDate } from '../../src/publish/offline/bundle-date.ts';
import { pinyinTerms } from '../../src/search/forgiving.ts';
import { searchAids } from '../../src/search/aids.ts';
import { expectedItems } from './search-truth.ts';

/** What the tests take from the plan. */
export interface PlanExamples {
  /** The first item with a quantitative target, and that target (its text, e.g. a percentage, as printed). */
  targeted: { item: Item; target: Target };
  /** The office that leads the most items, an item it leads and another item of its (to go on to). */
  office: { office: Office; item: Item; next: Item };
  /** A second office with items, for filters that must differ from the first. */
  otherOffice: Office;
  /** A term of Chinese characters that only one item holds, and no section or office (a search with one result), and its item and section. */
  unique: { term: string; item: Item; section: Section };
  /** A term that several items hold (a search with several results), none of them all. */
  common: { term: string; items: number[] };
  /** A term whose traditional form differs from it (the forgiving search reads that form back). */
  traditional: { term: string; written: string };
  /** Letters (pinyin initials) that the forgiving search reads as one office's name, and its full pinyin. */
  initials: { letters: string; syllables: string[]; office: Office };
  /** The plan's date as the offline zip carries it (its 成文日期, else the fallbacks of bundle-date.ts), YYYY-MM-DD. */
  date: string;
}

/** Fails with what the plan lacks: a test of that feature needs a plan that has it. */
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`plan examples: the built plan has no ${what}, which these tests need`);
  return value;
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const han = /^\p{Script=Han}+$/u;

/** Runs of `length` Chinese characters in the items' fields, in plan order, each once. */
function terms(plan: Plan, length: number): string[] {
  const seen = new Set<string>();
  for (const item of plan.items) {
    for (const paragraph of item.fields.flatMap((f) => f.paragraphs)) {
      const chars = [...paragraph];
      for (let i = 0; i + length <= chars.length; i++) {
        const term = chars.slice(i, i + length).join('');
        if (han.test(term)) seen.add(term);
      }
    }
  }
  return [...seen];
}

/** Picks the examples from `plan` (deterministic: the same plan gives the same picks). */
export function planExamples(plan: Plan, source: Pick<ArchiveEntry, 'year' | 'source'>): PlanExamples {
  const byNumber = (n: number) => plan.items.find((i) => i.number === n)!;
  const target = must(plan.targets[0], 'quantitative target');
  const leads = (o: Office) => o.items.filter((i) => i.lead).length;
  const ranked = [...plan.offices].filter((o) => o.items.length >= 2).sort((a, b) => leads(b) - leads(a) || a.slug.localeCompare(b.slug));
  const office = must(ranked[0], 'office with two or more items');
  const led = office.items.find((i) => i.lead) ?? office.items[0]!;
  const next = office.items.find((i) => i.number !== led.number)!;
  const otherOffice = must(ranked[1], 'second office with two or more items');

  const fours = terms(plan, 4);
  // Sections and offices are search results too: a term that also names one would not lead to its item first.
  const elsewhere = [...plan.sections.flatMap((s) => [s.title, ...(s.intro ?? []), ...(s.subsections ?? []).map((x) => x.title)]), ...plan.offices.flatMap((o) => [o.name, ...o.aliases])].join('\n');
  const uniqueTerm = must(fours.find((t) => expectedItems(plan, t).length === 1 && !elsewhere.includes(t)), 'four-character term held by one item only');
  const uniqueItem = byNumber(expectedItems(plan, uniqueTerm)[0]!);
  const commonTerm = must(
    [...terms(plan, 3), ...terms(plan, 2)].find((t) => {
      const n = expectedItems(plan, t).length;
      return n >= 3 && n < plan.items.length;
    }),
    'term held by several items but not all',
  );
  const traditionalTerm = must(
    [...terms(plan, 3), ...fours].find((t) => toTraditional(t) !== t && expectedItems(plan, t).length > 0 && expectedItems(plan, toTraditional(t)).length === 0),
    'term whose traditional form differs',
  );
  const aids = searchAids([plan]);
  const initials = must(
    ranked
      .map((o) => {
        const syllables = pinyin(o.name, { toneType: 'none', type: 'array', v: true }).map((x) => x.toLowerCase());
        return { office: o, syllables, letters: syllables.map((x) => x[0]).join('') };
      })
      .find(({ office: o, letters }) => /^[a-z]{2,}$/u.test(letters) && pinyinTerms(letters, aids).join() === o.name),
    'office whose pinyin initials spell its name alone',
  );
  return {
    targeted: { item: byNumber(target.item), target },
    office: { office, item: byNumber(led.number), next: byNumber(next.number) },
    otherOffice,
    unique: { term: uniqueTerm, item: uniqueItem, section: plan.sections.find((s) => s.items.includes(uniqueItem.number))! },
    common: { term: commonTerm, items: expectedItems(plan, commonTerm) },
    traditional: { term: traditionalTerm, written: toTraditional(traditionalTerm) },
    initials,
    date: planDate({ plan, ...source }),
  };
}
