/**
 * Readers' paths in a real browser: item → office → item by clicking, at phone width, in dark mode, without JavaScript.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/schema.ts';
import { sectionHeading } from '../../src/plan/to-text.ts';
import { useSite } from '../support/browser.ts';
import { currentEntry } from '../support/dist.ts';
import { planExamples, type PlanExamples } from '../support/plan-examples.ts';

const site = useSite();
let plan: Plan;
/** The items and offices walked through, picked from the built plan. */
let ex: PlanExamples;
beforeAll(() => {
  const entry = currentEntry();
  plan = entry.plan;
  ex = planExamples(plan, entry);
});
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('navigating the site', () => {
  it('walks item → office → item by clicking links', async () => {
    const { page, errors } = await site.page({ viewport: { width: 390, height: 844 } });
    const { office, item, next } = ex.office;
    await page.goto(site.planUrl(`items/${item.id}/`));
    expect(await page.locator('h1').innerText()).toContain(item.title);
    await page.locator('.units a.unit', { hasText: office.name }).first().click();
    await page.waitForURL(new RegExp(`offices/${office.slug}/$`, 'u'));
    expect(await page.locator('h1').innerText()).toBe(office.name);
    expect(squash(await page.locator('main').innerText())).toContain(`牵头${office.items.filter((i) => i.lead).length}项`);
    await page.locator('main a', { hasText: next.title }).first().click();
    await page.waitForURL(new RegExp(`items/${next.id}/$`, 'u'));
    expect(squash(await page.locator('h1').innerText())).toContain(squash(`${next.source.numberText}${next.title}`));
    // On to the item after it (or back to the one before, at the plan's end), then up to that item's section.
    const at = plan.items.findIndex((i) => i.id === next.id);
    const after = plan.items[at + 1] ?? plan.items[at - 1]!;
    await page.locator(plan.items[at + 1] ? 'a[rel="next"]' : 'a[rel="prev"]').click();
    await page.waitForURL(new RegExp(`items/${after.id}/$`, 'u'));
    const section = plan.sections.find((s) => s.items.includes(after.number))!;
    if (!section.implicit) {
      await page.locator('nav[aria-label="当前位置"] a', { hasText: sectionHeading(section) }).click();
      await page.waitForURL(new RegExp(`sections/${section.number}/$`, 'u'));
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads and navigates with JavaScript disabled', async () => {
    const { page } = await site.page({ javaScriptEnabled: false });
    await page.goto(site.planUrl(''));
    // The last item, reached from the home page's list, shows its text.
    const last = plan.items.at(-1)!;
    const field = last.fields.find((f) => f.paragraphs.length > 0)!;
    await page.locator('main a', { hasText: last.title }).first().click();
    await page.waitForURL(new RegExp(`items/${last.id}/$`, 'u'));
    expect(squash(await page.locator(`.field-${field.kind}`).first().innerText())).toContain(squash(field.paragraphs[0]!));
    await page.context().close();
  });

  it.each([360, 390])('fits a %i px phone without horizontal scrolling', async (width) => {
    const { page } = await site.page({ viewport: { width, height: 800 } });
    for (const path of ['', `items/${ex.office.item.id}/`, 'offices/', `offices/${ex.otherOffice.slug}/`, 'full/', 'targets/']) {
      await page.goto(site.planUrl(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });

  it('follows the reader’s dark-mode preference', async () => {
    const colors: Record<string, string> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await site.page({ colorScheme: scheme });
      await page.goto(site.planUrl('items/1/'));
      colors[scheme] = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await page.context().close();
    }
    const luminance = (rgb: string) => rgb.match(/\d+/gu)!.slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    expect(luminance(colors.light!)).toBeGreaterThan(600);
    expect(luminance(colors.dark!)).toBeLessThan(150);
  });

  it('copies a paragraph link that opens the page at that paragraph', async () => {
    const { page } = await site.page();
    // The second paragraph of the first item whose measures have two or more.
    const item = plan.items.find((i) => i.fields.some((f) => f.kind === 'measures' && f.paragraphs.length >= 2));
    if (!item) throw new Error('no item has two paragraphs of measures: pick a plan with labelled items');
    await page.goto(site.planUrl(`items/${item.id}/#m2`));
    const targeted = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(targeted).toBe('m2');
    expect(await page.locator('#m2 a.anchor').getAttribute('href')).toBe('#m2');
    await page.context().close();
  });

  it('shows the print button only where JavaScript can make it work', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl('items/2/'));
    expect(await page.locator('[data-print-button]').first().isVisible()).toBe(true);
    const { page: noJs } = await site.page({ javaScriptEnabled: false });
    await noJs.goto(site.planUrl('items/2/'));
    expect(await noJs.locator('[data-print-button]').first().isVisible()).toBe(false);
    await page.context().close();
    await noJs.context().close();
  });
});
