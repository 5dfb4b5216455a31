/**
 * axe-core in a Chromium page: the violations as `rule: targets` lines, so a failing test names what to fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on the page as it is now. `rules` switches on rules axe leaves off by default (target-size, WCAG 2.2's
 * 24 px; color-contrast-enhanced, 7:1); a rule switched on that did not run is reported as a violation too, so a
 * check cannot pass by not happening.
 */
export async function axeViolations(page: Page, rules: Record<string, { enabled: boolean }> = {}): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (ruleOptions) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(document, { resultTypes: ['violations'], rules: ruleOptions });
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    const ran = new Set([...result.passes, ...result.violations, ...result.incomplete].map((r) => r.id));
    for (const [id, { enabled }] of Object.entries(ruleOptions)) if (enabled && !ran.has(id)) found.push(`${id} did not run`);
    return found;
  }, rules);
}
