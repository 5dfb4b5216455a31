/**
 * 关怀模式 in Chromium: the switch (a button with aria-pressed, from mouse and keyboard, on the archive's pages and
 * a plan's), the choice kept across pages and reloads and applied before the page paints, text of 24 px and more,
 * 200 % zoom on a phone without sideways scrolling, 44 px targets, a 4 px focus outline, no motion; printing and
 * pages without JavaScript unchanged. axe in this mode (with the 7:1 contrast rule) is in accessibility.test.ts,
 * the offline copy in offline.test.ts.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type SitePage, useSite } from '../support/browser.ts';
import { contrastRatio, cutOff, smallTargets, smallText } from '../support/layout-checks.ts';
import { currentEntry } from '../support/dist.ts';
import { planExamples } from '../support/plan-examples.ts';

const site = useSite();
const KEY = 'care-mode';
/** An item with a target, an office and a section of the built plan (not the seed's numbers). */
const entry = currentEntry();
const ex = planExamples(entry.plan, entry);
const ITEM = `items/${ex.targeted.item.id}/`;
const SECTION = entry.plan.sections.find((s) => s.items.includes(ex.targeted.item.number))!;

/** The archive's own pages and a plan's, each kind once. */
const PAGES: SitePage[] = [
  ['archive', ''],
  ['archive', 'offices/'],
  ['archive', 'accessibility/'],
  ['plan', ''],
  ['plan', ITEM],
  ['plan', `offices/${ex.office.office.slug}/`],
  ['plan', `sections/${SECTION.number}/`],
  ['plan', 'targets/'],
];

/** A page whose reader chose 关怀模式 earlier (the choice is in storage before the page loads). */
async function carePage(options: BrowserContextOptions = {}): Promise<Page> {
  const { page } = await site.page(options);
  await page.context().addInitScript((key) => localStorage.setItem(key, 'on'), KEY);
  return page;
}

const toggle = (page: Page) => page.getByRole('button', { name: '关怀模式', exact: true });
const careOn = (page: Page) => page.evaluate((key) => document.documentElement.classList.contains(key), KEY);
const paraSize = (page: Page) => page.locator('p.para').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

describe('关怀模式', () => {
  it('is a button with aria-pressed and the visible label 关怀模式 on every kind of page, and turns the mode on and off', async () => {
    const { page } = await site.page();
    for (const p of PAGES) {
      await page.goto(site.at(p));
      expect(await toggle(page).isVisible(), p.join(' ')).toBe(true);
      expect(await toggle(page).count()).toBe(1);
      expect(await toggle(page).innerText()).toBe('关怀模式');
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
      expect(await careOn(page)).toBe(false);
      await toggle(page).click();
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
      expect(await careOn(page)).toBe(true);
      await toggle(page).click();
      expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
      expect(await careOn(page)).toBe(false);
    }
    await page.context().close();
  });

  it('works from the keyboard: Tab reaches the switch, Space and Enter turn it on and off', async () => {
    const { page } = await site.page();
    await page.goto(site.planUrl(ITEM));
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.hasAttribute('data-care-toggle'))) && tabs < 10) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs, 'Tab presses to reach the switch').toBeLessThanOrEqual(3);
    await page.keyboard.press('Space');
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });

  it('remembers the choice across pages, after a reload and back, and applies it before the page paints', async () => {
    const { page, errors } = await site.page({ viewport: { width: 390, height: 844 } });
    // Whether the mode was on when the body began: a page painted in the other mode first would show here.
    await page.context().addInitScript((key) => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { careAtBody: boolean }).careAtBody = document.documentElement.classList.contains(key);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, KEY);
    const atBody = () => page.evaluate(() => (window as unknown as { careAtBody?: boolean }).careAtBody);
    await page.goto(site.planUrl(ITEM));
    expect(await atBody()).toBe(false);
    await toggle(page).click();
    await page.locator('nav[aria-label="主导航"] a', { hasText: '全文' }).click();
    await page.waitForURL(/full\/$/u);
    expect(await atBody()).toBe(true);
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    expect(await atBody()).toBe(true);
    await page.locator('nav[aria-label="主导航"] a', { hasText: '历年要点' }).click();
    await page.waitForURL(site.url(''));
    expect(await atBody()).toBe(true);
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('true');
    // Switched off here, the page before shows it off too when the reader goes back.
    await toggle(page).click();
    await page.goBack();
    await page.waitForURL(/full\/$/u);
    await expect.poll(() => careOn(page)).toBe(false);
    expect(await toggle(page).getAttribute('aria-pressed')).toBe('false');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('sets all text at 24 px or more with lines 1.5 apart or more (main text 17 px without the mode)', async () => {
    const { page: plain } = await site.page();
    await plain.goto(site.planUrl(ITEM));
    expect(await paraSize(plain)).toBeLessThan(24);
    await plain.context().close();
    const page = await carePage({ viewport: { width: 1280, height: 900 } });
    for (const p of PAGES) {
      await page.goto(site.at(p));
      expect(await smallText(page, 24, 1.5), p.join(' ')).toEqual([]);
    }
    await page.goto(site.planUrl(ITEM));
    expect(await paraSize(page)).toBeGreaterThanOrEqual(24);
    await page.context().close();
  });

  // Zooming a 390 px screen to 200 % halves the width the page is laid out in, to 195 CSS px, and draws every CSS
  // pixel twice as large: the layout is the one of a 195 px viewport at 100 %, which is what is measured here
  // (Playwright cannot set Chromium's page zoom). deviceScaleFactor 2 makes the screen 390 physical pixels wide.
  it('scales to 200 % on a 390 px phone (a 195 px viewport) without sideways scrolling or cut-off content', async () => {
    const page = await carePage({ viewport: { width: 195, height: 422 }, deviceScaleFactor: 2 });
    for (const p of PAGES) {
      await page.goto(site.at(p));
      expect(await cutOff(page), p.join(' ')).toEqual([]);
    }
    await page.goto(site.planUrl(ITEM));
    const { css, device } = await page.locator('p.para').first().evaluate((el) => {
      const css = parseFloat(getComputedStyle(el).fontSize);
      return { css, device: css * devicePixelRatio };
    });
    expect(css).toBeGreaterThanOrEqual(24);
    expect(device).toBeGreaterThanOrEqual(48);
    await page.context().close();
  });

  it('gives every target outside running text 44 × 44 px, on a phone and on a desktop', async () => {
    for (const width of [390, 1280]) {
      const page = await carePage({ viewport: { width, height: 900 } });
      for (const p of PAGES) {
        await page.goto(site.at(p));
        expect(await smallTargets(page, 44), `${width} ${p.join(' ')}`).toEqual([]);
      }
      await page.context().close();
    }
  });

  it('draws a focus outline of 4 px at 7:1 against the page (3 px without the mode), light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const care of [false, true]) {
        const page = care ? await carePage({ colorScheme }) : (await site.page({ colorScheme })).page;
        await page.goto(site.planUrl(ITEM));
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement!;
          const s = getComputedStyle(el);
          return { width: s.outlineWidth, style: s.outlineStyle, color: s.outlineColor, bg: getComputedStyle(document.documentElement).backgroundColor, skip: el.classList.contains('skip-link') };
        });
        expect(focus.skip, 'the first Tab reaches the skip link').toBe(true);
        expect(focus.style).toBe('solid');
        expect(focus.width).toBe(care ? '4px' : '3px');
        expect(contrastRatio(focus.color, focus.bg), `${colorScheme} ${care}`).toBeGreaterThanOrEqual(care ? 7 : 3);
        await page.context().close();
      }
    }
  });

  it('moves nothing: no animation or transition on any element', async () => {
    const page = await carePage();
    for (const p of PAGES.slice(0, 5)) {
      await page.goto(site.at(p));
      const moving = await page.evaluate(() =>
        [...document.querySelectorAll('*')].filter((el) => {
          const s = getComputedStyle(el);
          return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        }).map((el) => el.tagName),
      );
      expect(moving, p.join(' ')).toEqual([]);
    }
    await page.context().close();
  });

  it('leaves printing as it is: the same sizes on paper with the mode on or off, and no switch', async () => {
    const sizes: Record<string, { para: number; root: string }> = {};
    for (const care of [false, true]) {
      const page = care ? await carePage() : (await site.page()).page;
      await page.emulateMedia({ media: 'print' });
      await page.goto(site.planUrl(ITEM));
      expect(await careOn(page)).toBe(care);
      expect(await page.locator('[data-care-toggle]').isVisible()).toBe(false);
      sizes[String(care)] = { para: await paraSize(page), root: await page.evaluate(() => getComputedStyle(document.documentElement).fontSize) };
      await page.context().close();
    }
    expect(sizes.true).toEqual(sizes.false);
  });

  it('reads with JavaScript off: no switch, the text at its usual size, the page fitting a phone', async () => {
    // Even with the mode chosen earlier: without JavaScript nothing can read the choice, and nothing breaks.
    const { page } = await site.page({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
      storageState: { cookies: [], origins: [{ origin: new URL(site.url('')).origin, localStorage: [{ name: KEY, value: 'on' }] }] },
    });
    await page.goto(site.planUrl(ITEM));
    expect(await page.locator('[data-care-toggle]').isVisible()).toBe(false);
    expect(await page.locator('main').innerText()).toContain(ex.targeted.target.text);
    expect(await paraSize(page)).toBeGreaterThanOrEqual(17);
    expect(await paraSize(page)).toBeLessThan(24);
    expect(await cutOff(page)).toEqual([]);
    await page.context().close();
  });
});
