/**
 * Readers' paths in a real browser: item → office → item by clicking, at phone width, in dark mode, without JavaScript.
 */
import { describe, expect, it } from 'vitest';
import { useSite } from '../support/browser.ts';

const site = useSite();

describe('navigating the site', () => {
  it('walks item → office → item by clicking links', async () => {
    const { page, errors } = await site.page({ viewport: { width: 390, height: 844 } });
    await page.goto(site.planUrl('items/14/'));
    expect(await page.locator('h1').innerText()).toContain('扩大普惠性学前教育资源供给');
    await page.locator('.units a.unit', { hasText: '基教处' }).click();
    await page.waitForURL(/offices\/jijiaochu\/$/u);
    expect(await page.locator('h1').innerText()).toBe('基教处');
    expect(await page.locator('main').innerText()).toContain('牵头 5 项');
    await page.locator('main a', { hasText: '提升特殊教育发展水平' }).first().click();
    await page.waitForURL(/items\/17\/$/u);
    expect(await page.locator('h1').innerText()).toContain('17.提升特殊教育发展水平');
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/items\/18\/$/u);
    await page.locator('nav[aria-label="当前位置"] a', { hasText: '五、全面提高基础教育质量' }).click();
    await page.waitForURL(/sections\/5\/$/u);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads and navigates with JavaScript disabled', async () => {
    const { page } = await site.page({ javaScriptEnabled: false });
    await page.goto(site.planUrl(''));
    await page.locator('main a', { hasText: '25.加快教育对外开放' }).or(page.locator('main a', { hasText: '25. 加快教育对外开放' })).first().click();
    await page.waitForURL(/items\/25\/$/u);
    expect(await page.locator('.field-measures').innerText()).toContain('优化公派出国留学选派机制');
    await page.context().close();
  });

  it.each([360, 390])('fits a %i px phone without horizontal scrolling', async (width) => {
    const { page } = await site.page({ viewport: { width, height: 800 } });
    for (const path of ['', 'items/3/', 'offices/', 'offices/jiaoshichu/', 'full/', 'targets/']) {
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
    await page.goto(site.planUrl('items/12/#m2'));
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
