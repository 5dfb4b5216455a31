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
import { expectedItems, fixtureQueries, generatedQueries } from '../support/search-truth.ts';
import { sectionHeading } from '../../src/plan/to-text.ts';

const site = useSite();
let plan: Plan;
beforeAll(() => {
  plan = currentEntry().plan;
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
    expect(await typeQuery(page, '25万个')).toEqual(expectedItems(plan, '25万个'));
    expect(await typeQuery(page, '25万个')).toContain(14);
    expect(await typeQuery(page, '93 %')).toEqual([16]);
    expect(await typeQuery(page, '协助省委组织部')).toEqual([3]);
    await page.context().close();
  });

  it('shows number, title, section and an excerpt with the words marked', async () => {
    const { page } = await searchPage();
    await typeQuery(page, '芙蓉学校');
    const first = page.locator('#search-results [data-kind="item"]').first();
    expect(await first.locator('.result-title').innerText()).toMatch(/^15\.\s*推动城乡义务教育一体化发展$/u);
    expect(await first.locator('.result-meta').innerText()).toContain('五、全面提高基础教育质量');
    expect(await first.locator('.result-excerpt mark').first().innerText()).toBe('芙蓉学校');
    await page.context().close();
  });

  it('offers the matching office as a shortcut', async () => {
    const { page } = await searchPage();
    await typeQuery(page, '基教处');
    expect(await page.locator('#search-results [data-kind="office"] a').first().innerText()).toBe('基教处');
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

  it('reads pinyin and pinyin initials as office names (jjc, jijiaochu → 基教处), and says so', async () => {
    const { page, errors } = await searchPage();
    for (const query of ['jjc', 'jijiaochu', 'JiJiaoChu', 'ji jiao chu']) {
      const got = await typeForgiving(page, query);
      expect(got.status, query).toContain('按拼音匹配：基教处');
      expect(got.numbers, query).toEqual(expectedItems(plan, '基教处'));
      expect(await page.locator('#search-results [data-kind="office"] a', { hasText: '基教处' }).count(), query).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads traditional characters as the simplified text (大班額 → 大班额), and says so', async () => {
    const { page } = await searchPage();
    const got = await typeForgiving(page, '大班額');
    expect(got.status).toContain('按简体字匹配：大班额');
    expect(got.numbers).toEqual(expectedItems(plan, '大班额'));
    expect(got.numbers.length).toBeGreaterThan(0);
    // The excerpts mark the text searched.
    expect(await page.locator('#search-results mark', { hasText: '大班额' }).count()).toBeGreaterThan(0);
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
    await page.locator('#site-search').pressSequentially('溺水', { delay: 20 });
    await page.waitForFunction(() => document.getElementById('search-status')!.textContent!.includes('“溺水”'));
    const numbers = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(numbers.sort((a, b) => a - b)).toEqual(expectedItems(plan, '溺水'));
    expect(await page.inputValue('#search-q')).toBe('溺水');
    expect(await page.locator('.search-panel').count()).toBe(0);
    await page.context().close();
  });
});

describe('filters', () => {
  it('restricts results to a section and to an office', async () => {
    const { page } = await searchPage();
    const all = await typeQuery(page, '幼儿园');
    // The page writes a search's filters into the URL in the same task as it renders that search's results, so a
    // URL holding the filter means the list on the page is the filtered one (no sleep needed).
    const urlHas = (name: string, value: string) => page.waitForFunction(([n, v]) => new URL(location.href).searchParams.get(n!) === v, [name, value]);
    const section = plan.sections.find((s) => sectionHeading(s) === '五、全面提高基础教育质量')!;
    await page.selectOption('select[name="section"]', sectionHeading(section));
    await urlHas('section', sectionHeading(section));
    const inSection = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.sort((a, b) => a - b)).toEqual(all.filter((n) => section.items.includes(n)));
    await page.selectOption('select[name="section"]', '');
    await page.selectOption('select[name="office"]', '财建处');
    await urlHas('office', '财建处');
    const byOffice = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    const financeItems = plan.offices.find((o) => o.name === '财建处')!.items.map((i) => i.number);
    expect(byOffice.length).toBeGreaterThan(0);
    expect(byOffice.sort((a, b) => a - b)).toEqual(all.filter((n) => financeItems.includes(n)));
    await page.context().close();
  });

  it('keeps query and filters in the URL, so a search can be shared', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl(`search/?q=${encodeURIComponent('教师')}&office=${encodeURIComponent('教师处')}`));
    await page.waitForFunction(() => document.getElementById('search-status')!.textContent!.includes('教师'));
    const got = await page.$$eval('#search-results [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    const teacherItems = plan.offices.find((o) => o.name === '教师处')!.items.map((i) => i.number);
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((n) => teacherItems.includes(n))).toBe(true);
    await page.context().close();
  });
});

describe('the search box on every page', () => {
  it('loads no JavaScript file before search is used, then shows results as you type', async () => {
    const { page, errors } = await site.page();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(site.planUrl('items/5/'));
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    await page.locator('#site-search').pressSequentially('大班额', { delay: 30 });
    await page.waitForSelector('.search-panel:not([hidden]) [data-kind="item"]');
    const got = await page.$$eval('.search-panel [data-kind="item"]', (els) => els.map((e) => Number(e.getAttribute('data-number'))));
    expect(got.sort((a, b) => a - b)).toEqual(expectedItems(plan, '大班额'));
    expect(scripts.some((s) => s.includes('/_assets/search.'))).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is usable from the keyboard: arrows move through results, Enter opens one, Escape closes', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl(''));
    await page.locator('#site-search').focus();
    await page.keyboard.type('芙蓉学校');
    await page.waitForSelector('.search-panel:not([hidden]) [data-kind="item"]');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toMatch(/items\/15\/\?q=/u);
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
    await page.goto(site.planUrl(`items/14/?q=${encodeURIComponent('幼儿园')}`));
    await page.waitForSelector('.search-note');
    const marked = await page.evaluate(() => {
      const hl = CSS.highlights.get('search');
      return hl ? [...hl].map((r) => (r as Range).toString()) : [];
    });
    const inText = (await page.locator('[data-official]').allInnerTexts()).join('').split('幼儿园').length - 1;
    expect(marked.length).toBe(inText);
    expect(marked.every((t) => t === '幼儿园')).toBe(true);
    expect(await page.locator('.search-note').innerText()).toContain(`共 ${inText} 处`);
    // The highlight adds no element to the official text.
    expect(await page.locator('[data-official] mark').count()).toBe(0);
    await page.context().close();
  });
});
