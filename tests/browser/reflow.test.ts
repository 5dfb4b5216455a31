/**
 * The WCAG 2.2 AA layout checks that axe cannot make, on the archive's pages and a plan's, without 关怀模式:
 * reflow at 320 px and on a phone held sideways (1.4.10, 1.3.4), text spacing (1.4.12) and the contrast of
 * form-control borders (1.4.11). Target size (2.5.8) is axe's, in accessibility.test.ts; 关怀模式 has its own
 * checks in care-mode.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { type SitePage, useSite } from '../support/browser.ts';
import { contrastRatio, cutOff } from '../support/layout-checks.ts';
import { currentEntry } from '../support/dist.ts';
import { planExamples } from '../support/plan-examples.ts';

const site = useSite();
/** An item with a target and an office of the built plan (not the seed's numbers). */
const entry = currentEntry();
const ex = planExamples(entry.plan, entry);
const ITEM = `items/${ex.targeted.item.id}/`;
const OFFICE = `offices/${ex.office.office.slug}/`;

const PAGES: SitePage[] = [
  ['archive', ''],
  ['archive', 'offices/'],
  ['archive', 'accessibility/'],
  ['plan', ''],
  ['plan', ITEM],
  ['plan', OFFICE],
  ['plan', 'full/'],
  ['plan', 'targets/'],
  ['plan', 'data/'],
];

/** WCAG 1.4.12's spacing, as its Understanding document's test sets it. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

describe('layout for every reader', () => {
  it('fits 320 px wide and a phone held sideways without horizontal scrolling or cut-off content', async () => {
    for (const viewport of [{ width: 320, height: 640 }, { width: 844, height: 390 }]) {
      const { page } = await site.page({ viewport });
      for (const p of PAGES) {
        await page.goto(site.at(p));
        expect(await cutOff(page), `${viewport.width} ${p.join(' ')}`).toEqual([]);
      }
      await page.context().close();
    }
  });

  it('keeps every text whole with the text spacing of WCAG 1.4.12', async () => {
    const { page } = await site.page({ viewport: { width: 390, height: 844 } });
    for (const p of PAGES) {
      await page.goto(site.at(p));
      // Set through the CSSOM, which the page's CSP allows (an injected <style> element would need a hash).
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, TEXT_SPACING);
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).letterSpacing)).not.toBe('normal');
      expect(await cutOff(page), p.join(' ')).toEqual([]);
    }
    await page.context().close();
  });

  it('draws the borders of form controls at 3:1 against the page, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await site.page({ colorScheme });
      await page.goto(site.planUrl(ITEM));
      const borders = await page.evaluate(() =>
        [...document.querySelectorAll('#site-search, header button, [data-print-button]')].map((el) => ({
          what: el.id || el.textContent!.trim(),
          border: getComputedStyle(el).borderTopColor,
          bg: getComputedStyle(document.documentElement).backgroundColor,
        })),
      );
      expect(borders.length).toBeGreaterThanOrEqual(3);
      for (const b of borders) expect(contrastRatio(b.border, b.bg), `${colorScheme} ${b.what}`).toBeGreaterThanOrEqual(3);
      await page.context().close();
    }
  });
});
