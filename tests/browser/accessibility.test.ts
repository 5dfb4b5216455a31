/**
 * axe-core in Chromium: no violations on the archive's pages (home, offices, the 无障碍声明) and the current plan's
 * (home, items, offices, /full/, …), in light and dark mode, and again in 关怀模式 with axe's AAA contrast rule
 * (color-contrast-enhanced, 7:1) switched on as well. WCAG 2.2's target-size rule is switched on in both.
 * The pages are checked side by side (each in its own browser context, so its own renderer process): axe's work
 * is in the renderer, and one page at a time would leave a core of CI's two idle (the project's maxConcurrency).
 */
import { describe, it, type ExpectStatic } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { type SitePage, useSite } from '../support/browser.ts';
import { currentEntry } from '../support/dist.ts';
import { planExamples } from '../support/plan-examples.ts';

const site = useSite();
/** An item with a target and an office of the built plan (not the seed's numbers). */
const entry = currentEntry();
const ex = planExamples(entry.plan, entry);
const ITEM = `items/${ex.targeted.item.id}/`;
const OFFICE = `offices/${ex.office.office.slug}/`;

const PAGES = [
  ...['', 'offices/', 'accessibility/'].map((p) => ['archive', p]),
  ...['', ITEM, `items/${entry.plan.items.at(-1)!.id}/`, OFFICE, 'offices/', 'full/', `sections/${entry.plan.sections.at(-1)!.number}/`, 'targets/', 'citations/', 'search/', 'data/'].map((p) => ['plan', p]),
];

async function violations(expect: ExpectStatic, where: string, path: string, scheme: 'light' | 'dark', care: boolean): Promise<string[]> {
  const { page } = await site.page({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
  if (care) await page.context().addInitScript(() => localStorage.setItem('care-mode', 'on'));
  await page.goto(site.at([where as SitePage[0], path]));
  if (care) expect(await page.evaluate(() => document.documentElement.classList.contains('care-mode'))).toBe(true);
  // target-size (WCAG 2.2's 24 px, with its spacing and inline exceptions) is off unless asked for, as is the 7:1 rule.
  const found = await axeViolations(page, { 'target-size': { enabled: true }, ...(care ? { 'color-contrast-enhanced': { enabled: true } } : {}) });
  await page.context().close();
  return found;
}

describe.concurrent('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    // it.for hands each test its own context's expect, which concurrent tests must use.
    it.for(PAGES)(`%s %s has no violations (${scheme})`, async ([where, path], { expect }) => {
      expect(await violations(expect, where!, path!, scheme, false)).toEqual([]);
    });
    it.for(PAGES)(`%s %s has no violations in 关怀模式 (${scheme}), with 7:1 contrast`, async ([where, path], { expect }) => {
      expect(await violations(expect, where!, path!, scheme, true)).toEqual([]);
    });
  }
});
