/**
 * axe-core in Chromium: no violations on the home page, an item, an office page, the office index and /full/,
 * in light and dark mode.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { useSite } from '../support/browser.ts';

const site = useSite();

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    // The archive's own pages (home, offices across plans) and the current plan's pages.
    it.each([...['', 'offices/'].map((p) => ['archive', p]), ...['', 'items/16/', 'items/21/', 'offices/jijiaochu/', 'offices/', 'full/', 'sections/5/', 'targets/', 'citations/', 'search/', 'data/'].map((p) => ['plan', p])])(
      `%s %s has no violations (${scheme})`,
      async (where, path) => {
        const { page } = await site.page({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
        await page.goto(where === 'archive' ? site.url(path) : site.planUrl(path));
        const violations = await axeViolations(page);
        expect(violations).toEqual([]);
        await page.context().close();
      },
    );
  }
});
