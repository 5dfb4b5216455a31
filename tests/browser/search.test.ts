/**
 * Search in Chromium, through the real search boxes: every fixture query returns exactly its items (recall and
 * precision 1.0), and so do queries of the same kinds drawn from the plan; filters, keyboard use, highlighting
 * on arrival, and no JavaScript before search is used.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/schema.ts';
import { currentEntry } from '../support/dist.ts';
import { useSite } from '../support/browser.ts';
import { nonEmpty } from '../support/non-empty.ts';
import { planExamples, type PlanExamples } from '../support/plan-examples.ts';
import { expectedItems, fixtureQueries, generatedQueries } from '../support/search-truth.ts';
import { sectionHeading } from '../../src/plan/to-text.ts';

const site = useSite();
let plan: Plan;
/** The terms, offices and items searched for, picked from the built plan. */
let ex: PlanExamples;
beforeAll(() => {
  const entry = currentEntry();
  plan = entry.plan;
  ex = planExamples(plan, entry);
});

/** Types a query into the search page's box and returns the item numbers shown, sorted. */
async function typeQuery(page: Page, query: string): Promise<number[]> {
  await page.fill('#search-q', query);
  await page.waitForFunction((q) => document.getElementById('search-status')!.textContent!.includes(`“${q}”`), query);
  const numbers = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
  return numbers.sort((a, b) => a - b);
}

async function searchPage() {
  const { page, errors } = await site.page();
  await page.goto(site.planUrl('search/'));
  await page.waitForSelector('#search-form[data-ready]');
  return { page, errors };
}

describe('where a search of the page\'s own plan takes its candidates', () => {
  /** The search page, with every path the page asks for from the time it loads. */
  async function watchedSearchPage(recordsFile: boolean) {
    const { page, errors } = await site.page();
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    // As for a plan too large to have a records file (src/search/records-file.ts): the server has none.
    if (!recordsFile) await page.route('**/records.json', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(site.planUrl('search/'));
    await page.waitForSelector('#search-form[data-ready]');
    return { page, errors, asked };
  }
  const pagefindFiles = (asked: string[]) => asked.filter((p) => p.endsWith('/pagefind.js') || p.endsWith('.pf_fragment'));

  it('is the plan\'s records file, one fetch, with no Pagefind file asked for', async () => {
    const { page, errors, asked } = await watchedSearchPage(true);
    expect(await typeQuery(page, ex.unique.term)).toEqual([ex.unique.item.number]);
    expect(asked.filter((p) => p.endsWith('/records.json'))).toHaveLength(1);
    expect(pagefindFiles(asked)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is Pagefind where the plan has no records file, with exactly the same items for every fixture query', async () => {
    const { page, asked } = await watchedSearchPage(false);
    const wrong: string[] = [];
    for (const { query, items } of nonEmpty(fixtureQueries(), 'tests/fixtures/search/queries.tsv')) {
      const got = await typeQuery(page, query);
      if (JSON.stringify(got) !== JSON.stringify([...items].sort((a, b) => a - b))) wrong.push(`${query}: got ${got} want ${items}`);
    }
    expect(wrong).toEqual([]);
    expect(pagefindFiles(asked).some((p) => p.endsWith('/pagefind.js'))).toBe(true);
    expect(pagefindFiles(asked).some((p) => p.endsWith('.pf_fragment'))).toBe(true);
    await page.context().close();
  });
});

describe('search results', () => {
  it('returns exactly the expected items for every query in the fixture file', async () => {
    const { page, errors } = await searchPage();
    const wrong: string[] = [];
    for (const { query, items } of nonEmpty(fixtureQueries(), 'tests/fixtures/search/queries.tsv')) {
      const got = await typeQuery(page, query);
      if (JSON.stringify(got) !== JSON.stringify([...items].sort((a, b) => a - b))) wrong.push(`${query}: got ${got} want ${items}`);
    }
    expect(wrong).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('returns exactly the items containing the query for 150 more queries of the same kinds', async () => {
    const { page } = await searchPage();
    const wrong: string[] = [];
    const queries = generatedQueries(plan, 150);
    for (const query of nonEmpty(queries, 'generated queries')) {
      const got = await typeQuery(page, query);
      const want = expectedItems(plan, query);
      if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${query}: got ${got} want ${want}`);
    }
    expect(wrong).toEqual([]);
    expect(queries.some((q) => expectedItems(plan, q).length === 0)).toBe(true);
    expect(queries.some((q) => expectedItems(plan, q).length > 5)).toBe(true);
    await page.context().close();
  });

  it('ignores whitespace on both sides and finds numbers with units', async () => {
    const { page } = await searchPage();
    // The target as printed, then with the spaces moved: one before its last character, none elsewhere.
    const target = ex.targeted.target.text;
    const chars = [...target.replace(/\s+/gu, '')];
    const spaced = `${chars.slice(0, -1).join('')} ${chars.at(-1)}`;
    expect(await typeQuery(page, target)).toEqual(expectedItems(plan, target));
    expect(await typeQuery(page, target)).toContain(ex.targeted.item.number);
    expect(await typeQuery(page, spaced)).toEqual(expectedItems(plan, target));
    expect(await typeQuery(page, ex.unique.term)).toEqual([ex.unique.item.number]);
    await page.context().close();
  });

  it('shows number, title, section and an excerpt with the words marked', async () => {
    const { page } = await searchPage();
    await typeQuery(page, ex.unique.term);
    const first = page.locator('#search-results [data-kind="item"]').first();
    expect((await first.locator('.result-title').innerText()).replace(/\s+/gu, '')).toBe(`${ex.unique.item.source.numberText}${ex.unique.item.title}`.replace(/\s+/gu, ''));
    if (!ex.unique.section.implicit) expect(await first.locator('.result-meta').innerText()).toContain(sectionHeading(ex.unique.section));
    expect(await first.locator('.result-excerpt mark').first().innerText()).toBe(ex.unique.term);
    await page.context().close();
  });

  it('offers the matching office as a shortcut', async () => {
    const { page } = await searchPage();
    await typeQuery(page, ex.office.office.name);
    expect(await page.locator('#search-results [data-kind="office"] a').first().innerText()).toBe(ex.office.office.name);
    await page.context().close();
  });
});

describe('search that forgives the way people type', () => {
  /** Types a query and waits for the status line to say how it was read. */
  async function typeForgiving(page: Page, query: string): Promise<{ status: string; numbers: number[] }> {
    await page.fill('#search-q', query);
    await page.waitForFunction(() => /按(拼音|简体字)匹配|没有找到/u.test(document.getElementById('search-status')!.textContent ?? ''));
    const numbers = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    return { status: (await page.textContent('#search-status')) ?? '', numbers: numbers.sort((a, b) => a - b) };
  }

  it('reads pinyin and pinyin initials as office names (the initials or syllables of an office), and says so', async () => {
    const { page, errors } = await searchPage();
    const { letters, syllables, office } = ex.initials;
    const capitalised = syllables.map((x) => x[0]!.toUpperCase() + x.slice(1)).join('');
    for (const query of [letters, syllables.join(''), capitalised, syllables.join(' ')]) {
      const got = await typeForgiving(page, query);
      expect(got.status, query).toContain(`按拼音匹配：${office.name}`);
      expect(got.numbers, query).toEqual(expectedItems(plan, office.name));
      expect(await page.locator('#search-results [data-kind="office"] a', { hasText: office.name }).count(), query).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads traditional characters as the simplified text, and says so', async () => {
    const { page } = await searchPage();
    const { term, written } = ex.traditional;
    const got = await typeForgiving(page, written);
    expect(got.status).toContain(`按简体字匹配：${term}`);
    expect(got.numbers).toEqual(expectedItems(plan, term));
    expect(got.numbers.length).toBeGreaterThan(0);
    // The excerpts mark the text searched.
    expect(await page.locator('#search-results mark', { hasText: term }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('still finds nothing for a query nothing holds in any reading', async () => {
    const { page } = await searchPage();
    expect((await typeQuery(page, '量子計算')).length).toBe(0);
    expect((await typeQuery(page, 'qwxz')).length).toBe(0);
    await page.context().close();
  });

  it('lets the header box drive the search page’s own results', async () => {
    const { page } = await searchPage();
    const term = ex.unique.term;
    await page.locator('#site-search').pressSequentially(term, { delay: 20 });
    await page.waitForFunction((q) => document.getElementById('search-status')!.textContent!.includes(`“${q}”`), term);
    const numbers = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(numbers.sort((a, b) => a - b)).toEqual(expectedItems(plan, term));
    expect(await page.inputValue('#search-q')).toBe(term);
    expect(await page.locator('.search-panel').count()).toBe(0);
    await page.context().close();
  });
});

describe('filters', () => {
  it('restricts results to a section and to an office', async () => {
    const { page } = await searchPage();
    const all = await typeQuery(page, ex.common.term);
    // The page writes a search's filters into the URL in the same task as it renders that search's results, so a
    // URL holding the filter means the list on the page is the filtered one (no sleep needed).
    const urlHas = (name: string, value: string) => page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n!) === v, [name, value]);
    // A section and an office that hold some of the results: each filter then has something to keep.
    const section = plan.sections.find((s) => !s.implicit && all.some((n) => s.items.includes(n)));
    const office = plan.offices.find((o) => o.items.some((i) => all.includes(i.number)));
    if (!section || !office) throw new Error(`no section or office holds a result for “${ex.common.term}”: pick a plan with sections and offices`);
    await page.selectOption('select[name="section"]', sectionHeading(section));
    await urlHas('section', sectionHeading(section));
    const inSection = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.sort((a, b) => a - b)).toEqual(all.filter((n) => section.items.includes(n)));
    await page.selectOption('select[name="section"]', '');
    await page.selectOption('select[name="office"]', office.name);
    await urlHas('office', office.name);
    const byOffice = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    const officeItems = office.items.map((i) => i.number);
    expect(byOffice.length).toBeGreaterThan(0);
    expect(byOffice.sort((a, b) => a - b)).toEqual(all.filter((n) => officeItems.includes(n)));
    await page.context().close();
  });

  it('keeps query and filters in the URL, so a search can be shared', async () => {
    const { page } = await site.page();
    // A term of an item the office leads, so the filtered search has a result to show.
    const { office, item } = ex.office;
    const term = [...item.title].filter((c) => /\p{Script=Han}/u.test(c)).slice(0, 2).join('');
    await page.goto(site.planUrl(`search/?q=${encodeURIComponent(term)}&office=${encodeURIComponent(office.name)}`));
    await page.waitForFunction((q) => document.getElementById('search-status')!.textContent!.includes(q), term);
    const got = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    const officeItems = office.items.map((i) => i.number);
    expect(got).toContain(item.number);
    expect(got.every((n) => officeItems.includes(n))).toBe(true);
    await page.context().close();
  });
});

describe('the search box on every page', () => {
  it('loads no JavaScript file before search is used, then shows results as you type', async () => {
    const { page, errors } = await site.page();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(site.planUrl(`items/${ex.office.item.id}/`));
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator('#site-search').pressSequentially(ex.common.term, { delay: 30 });
    await page.waitForSelector('.search-panel:not([hidden]) [data-kind="item"]');
    const got = await page.$$eval('.search-panel [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(got.sort((a, b) => a - b)).toEqual(ex.common.items);
    expect(scripts.some((s) => s.includes('/_assets/search.'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is usable from the keyboard: arrows move through results, Enter opens one, Escape closes', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl(''));
    await page.locator('#site-search').focus();
    await page.keyboard.type(ex.unique.term);
    await page.waitForSelector('.search-panel:not([hidden]) [data-kind="item"]');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toContain(`items/${ex.unique.item.id}/?q=`);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.press('Escape');
    expect(await page.locator('.search-panel').isHidden()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=/u);
    await page.context().close();
  });

  it('highlights the words on the item page reached from a result', async () => {
    const { page } = await site.page();
    const term = ex.common.term;
    const item = plan.items.find((i) => i.number === ex.common.items[0])!;
    await page.goto(site.planUrl(`items/${item.id}/?q=${encodeURIComponent(term)}`));
    await page.waitForSelector('.search-note');
    const marked = await page.evaluate(() => {
      const hl = CSS.highlights.get('search');
      return hl ? [...hl].map((r) => (r as Range).toString()) : [];
    });
    const inText = (await page.locator('[data-official]').allInnerTexts()).join('').split(term).length - 1;
    expect(inText).toBeGreaterThan(0);
    expect(marked.length).toBe(inText);
    expect(marked.every((t) => t === term)).toBe(true);
    expect(await page.locator('.search-note').innerText()).toContain(`共 ${inText} 处`);
    // The highlight adds no element to the official text.
    expect(await page.locator('[data-official] mark').count()).toBe(0);
    await page.context().close();
  });
});
