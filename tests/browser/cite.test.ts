/**
 * 引用本条 in Chromium: the controls copy the reference (dated today) to the clipboard and say so in a live
 * region; where the clipboard is unavailable the reference is opened and selected instead; without JavaScript
 * the same reference is there as text, and the controls lead to it.
 */
import { describe, expect, it } from 'vitest';
import { BASE, currentEntry, SITE } from '../support/dist.ts';
import { useSite } from '../support/browser.ts';

const site = useSite();
const { plan, id } = currentEntry();
const n = plan.notice!;
const item = plan.items.find((i) => i.id === '16')!;
const url = `${SITE}${BASE}${id}/items/16/`;
/** The reference as the page gives it, built here from the plan's facts (GB/T 7714 electronic resource). */
const reference = (locator: string, date: string, anchor = '') =>
  `${n.signatories.join(', ')}. ${plan.title}: ${item.source.numberText.trim()}${item.title}${locator}[EB/OL]. (${n.isoDate})[${date}]. ${url}${anchor}`;
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

describe('引用本条', () => {
  it('copies the item’s reference, dated today, when 引用本条 is clicked, and announces it in a visible live region', async () => {
    const { page, errors } = await site.page(CLIPBOARD);
    await page.goto(site.planUrl('items/16/'));
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.getByRole('link', { name: '引用本条' }).click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await page.textContent('#cite-status')).toBe('已复制本条的引用');
    expect(await page.getAttribute('#cite-status', 'aria-live')).toBe('polite');
    expect(await page.isVisible('#cite-status')).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference('', today));
    // The link did not navigate: the copy replaced it.
    expect(new URL(page.url()).hash).toBe('');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('copies a paragraph’s reference, with its anchor, from the 引用 after it, and from the 复制 button in the box', async () => {
    const { page, errors } = await site.page(CLIPBOARD);
    await page.goto(site.planUrl('items/16/'));
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.locator('#m1 .cite-link').click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制工作措施的引用');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference(': 工作措施', today, '#m1'));
    await page.locator('#cite summary').click();
    await page.locator('#cite-units button').click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent === '已复制责任单位的引用');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference(': 责任单位', today, '#units'));
    // What the box shows is what was copied.
    expect(await page.textContent('#cite-units .cite-text')).toBe(reference(': 责任单位', today, '#units'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens and selects the reference where the page has no clipboard (as on some file:// pages and old phones)', async () => {
    const { page, errors } = await site.page();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(site.planUrl('items/16/'));
    await page.locator('#goals .cite-link').click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await page.textContent('#cite-status')).toMatch(/^已(复制|选中)目标任务的引用/u);
    expect(await page.evaluate(() => (document.getElementById('cite') as HTMLDetailsElement).open)).toBe(true);
    const selected = await page.evaluate(() => getSelection()!.toString());
    expect(selected).toBe(await page.textContent('#cite-goals .cite-text'));
    expect(selected.endsWith('#goals')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript, shows the same references as text, and its controls lead to them', async () => {
    const { page } = await site.page({ javaScriptEnabled: false });
    await page.goto(site.planUrl('items/16/'));
    expect(await page.isVisible('#cite-item .cite-text')).toBe(false);
    await page.getByRole('link', { name: '引用本条' }).click();
    expect(await page.isVisible('#cite-item .cite-text')).toBe(true);
    expect(await page.textContent('#cite-item .cite-text')).toBe(reference('', '引用日期'));
    // The copy buttons need JavaScript and stay hidden.
    expect(await page.locator('#cite button').first().isVisible()).toBe(false);
    await page.locator('#m1 .cite-link').click();
    expect(new URL(page.url()).hash).toBe('#cite-m1');
    expect(await page.isVisible('#cite-m1 .cite-text')).toBe(true);
    await page.context().close();
  });
});
