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
/**
 * The first item with one paragraph of goals, one of measures, and 责任单位 (each part then has a reference of its
 * own, named by its bare label), from the built plan rather than the seed's numbers.
 */
const one = (i: (typeof plan.items)[number], kind: string) => i.fields.filter((f) => f.kind === kind).length === 1 && i.fields.find((f) => f.kind === kind)!.paragraphs.length === 1;
const item = plan.items.find((i) => one(i, 'goals') && one(i, 'measures') && i.source.units);
if (!item) throw new Error('no item has one paragraph of goals, one of measures and 责任单位: the test needs a plan with labelled items');
const bare = (label: string) => label.replace(/[：:]\s*$/u, '').trim();
const GOALS = bare(item.fields.find((f) => f.kind === 'goals')!.label);
const MEASURES = bare(item.fields.find((f) => f.kind === 'measures')!.label);
// 牵头单位：…；配合单位：… is one list under two labels: its reference names both.
const UNITS = [item.source.units!.label, item.source.units!.partner?.label].filter((l): l is string => Boolean(l)).map(bare).join('、');
const ITEM = `items/${item.id}/`;
const url = `${SITE}${BASE}${id}/${ITEM}`;
/** The reference as the page gives it, built here from the plan's facts (GB/T 7714 electronic resource). */
const reference = (locator: string, date: string, anchor = '') =>
  `${n.signatories.join(', ')}. ${plan.title}: ${item.source.numberText.trim()}${item.title}${locator}[EB/OL]. (${n.isoDate})[${date}]. ${url}${anchor}`;
const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

describe('引用本条', () => {
  it('copies the item’s reference, dated today, when 引用本条 is clicked, and announces it in a visible live region', async () => {
    const { page, errors } = await site.page(CLIPBOARD);
    await page.goto(site.planUrl(ITEM));
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
    await page.goto(site.planUrl(ITEM));
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.locator('#m1 .cite-link').click();
    await page.waitForFunction((m) => document.getElementById('cite-status')!.textContent === `已复制${m}的引用`, MEASURES);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference(`: ${MEASURES}`, today, '#m1'));
    await page.locator('#cite summary').click();
    await page.locator('#cite-units button').click();
    await page.waitForFunction((u) => document.getElementById('cite-status')!.textContent === `已复制${u}的引用`, UNITS);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(reference(`: ${UNITS}`, today, '#units'));
    // What the box shows is what was copied.
    expect(await page.textContent('#cite-units .cite-text')).toBe(reference(`: ${UNITS}`, today, '#units'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens and selects the reference where the page has no clipboard (as on some file:// pages and old phones)', async () => {
    const { page, errors } = await site.page();
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    await page.goto(site.planUrl(ITEM));
    await page.locator('#goals .cite-link').click();
    await page.waitForFunction(() => document.getElementById('cite-status')!.textContent !== '');
    expect(await page.textContent('#cite-status')).toMatch(new RegExp(`^已(复制|选中)${GOALS}的引用`, 'u'));
    expect(await page.evaluate(() => (document.getElementById('cite') as HTMLDetailsElement).open)).toBe(true);
    const selected = await page.evaluate(() => getSelection()!.toString());
    expect(selected).toBe(await page.textContent('#cite-goals .cite-text'));
    expect(selected.endsWith('#goals')).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fetches its script only when the box is opened, which then dates the references and shows the 复制 buttons', async () => {
    const { page, errors } = await site.page();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(site.planUrl(ITEM));
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    expect(await page.textContent('#cite-item [data-cite-date]')).toBe('引用日期');
    const today = await page.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await page.locator('#cite summary').click();
    await page.locator('#cite-item button').waitFor({ state: 'visible' });
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toContain('/_assets/cite.');
    expect(await page.textContent('#cite-item .cite-text')).toBe(reference('', today));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('leads to the reference, as without JavaScript, when its script cannot be fetched (the network gone)', async () => {
    const { page } = await site.page();
    const tries: string[] = [];
    await page.route('**/_assets/cite.*', (route) => (tries.push(route.request().url()), route.abort('internetdisconnected')));
    await page.goto(site.planUrl(ITEM));
    // Opening the box asks for the script first, in vain; the click asks again, and falls back.
    await page.locator('#cite summary').click();
    await expect.poll(() => tries.length).toBe(1);
    await page.locator('#m1 .cite-link').click();
    await page.waitForURL(/#cite-m1$/u);
    expect(tries).toHaveLength(2);
    expect(await page.isVisible('#cite-m1 .cite-text')).toBe(true);
    await page.context().close();
  });

  it('without JavaScript, shows the same references as text, and its controls lead to them', async () => {
    const { page } = await site.page({ javaScriptEnabled: false });
    await page.goto(site.planUrl(ITEM));
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
